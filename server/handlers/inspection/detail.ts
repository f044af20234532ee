import { action } from '../../platform/handler'
import { timelineOf } from '../../domain/timeline'
import { ownInspection } from '../../access/inspection'
import { toInspectionView } from '../../views/inspection'

const OUTCOME_WORDS: Record<string, string> = {
  compliant: '未发现问题',
  rectify: '责令整改',
  no_penalty: '轻微违法不予处罚',
  case: '立案查处',
  transfer: '移送处理',
}

/** An inspection the calling officer is on, with its timeline (check-in, joins, results, withdrawal). */
export const detail = action('inspection', 'detail', {
  access: ['officer'],
  async handle(input, ctx) {
    const { inspection } = await ownInspection(ctx, input.inspectionId)
    return { inspection: toInspectionView(inspection, ctx.now), timeline: timelineOf(inspection, { outcome: (o) => OUTCOME_WORDS[o] ?? o }) }
  },
})
