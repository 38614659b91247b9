// The wizard's state machine now lives in ./wizard/ (split by concern; see ./wizard/index.ts).
// This module keeps the old import path working.
export * from './wizard/index.js';
