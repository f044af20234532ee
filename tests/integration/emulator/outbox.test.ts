import { openDatabase } from '../../../emulator/db'
import { createOutbox } from '../../../emulator/outbox'

test('the outbox stores each message with the clock time', async () => {
  const db = openDatabase(':memory:')
  const outbox = createOutbox(db, () => 1_700_000_000_000)
  await outbox.send({ touser: 'o1', template: 'tpl', page: 'pages/home/index', data: { thing1: '检查' } })
  const { data } = await db.collection('outbox').orderBy('createdAt', 'desc').get()
  expect(data).toEqual([
    expect.objectContaining({ touser: 'o1', template: 'tpl', page: 'pages/home/index', data: { thing1: '检查' }, createdAt: 1_700_000_000_000 }),
  ])
  db.close()
})
