// The interactive wizard as a pure state machine, by concern:
//   model.ts       the context, screens, state, effects and events; the questions asked
//   choices.ts     the lists offered and the words shown for values
//   navigation.ts  entering screens, resuming, where back and next lead
//   review.ts      the review's rows, groups, statuses and filter
//   record.ts      the state as an assessment (for the plan) and as a record (for the store)
//   keys.ts        terminal input as keys; bindings.ts: intent → keys, and the key legends
//   text.ts        a one-line text field; reducer.ts: step(ctx, state, event) → state + effects
export * from './model.js';
export * from './choices.js';
export * from './navigation.js';
export * from './review.js';
export * from './record.js';
export * from './reducer.js';
export { proposedStartDate } from './start-date.js';
export * from './keys.js';
export * from './text.js';
export * from './bindings.js';
