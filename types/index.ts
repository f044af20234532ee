import type { z } from 'zod'
import { account } from './functions/account'
import { enterprise } from './functions/enterprise'
import { inspection } from './functions/inspection'
import { scheduler } from './functions/scheduler'
import { supervision } from './functions/supervision'

/**
 * The contract (SPEC §3): every cloud function, every action, its input and its answer.
 * The server validates with these schemas; the client imports only the types.
 */
export const contract = { account, inspection, enterprise, supervision, scheduler } as const

export type Contract = typeof contract
export type FnName = keyof Contract
export type ActionName<F extends FnName> = keyof Contract[F] & string

type Spec<F extends FnName, A extends ActionName<F>> = Contract[F][A] extends { input: z.ZodType; output: z.ZodType } ? Contract[F][A] : never
/** What the caller sends (before parsing: ISO strings allowed for instants, etc.). */
export type Input<F extends FnName, A extends ActionName<F>> = z.input<Spec<F, A>['input']>
/** What the handler receives, after validation. */
export type ParsedInput<F extends FnName, A extends ActionName<F>> = z.output<Spec<F, A>['input']>
/** What the answer's `data` holds. */
export type Output<F extends FnName, A extends ActionName<F>> = z.input<Spec<F, A>['output']>

export const FN_NAMES = Object.keys(contract) as FnName[]

export * from './common'
export * from './entities'
export * from './errors'
export * from './settings'
export { InspectionNotice, InspectionSummary } from './functions/enterprise'
export { PAGES } from './pages'
