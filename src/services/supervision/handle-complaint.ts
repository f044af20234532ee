import type { Input } from '@contract'
import { callFn } from '../call'

/** Moves a complaint on: accept, reply or close, with the text the complainant sees. */
export const handleComplaint = (input: Input<'supervision', 'handleComplaint'>) => callFn('supervision', 'handleComplaint', input)
