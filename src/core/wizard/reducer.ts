// The reducer: `step(ctx, state, event)` returns the next state and the effects to carry out
// (save progress, write the files, exit) as data. The UI feeds it one key at a time and draws
// whatever state it returns, so every key is applied to the latest state, in order, however fast
// keys arrive; and every transition can be tested without a terminal. Keys are read only through
// the binding table (`is(intent, key)`), never by name.
import { dateMessage } from '../dates.js';
import { is, pickedRow } from './bindings.js';
import { CLASH_CHOICES, FIXED_CHOICES, itemChoices, knownOwners, OVERWRITE_CHOICES, PROFILE_ROWS, resumeChoices } from './choices.js';
import type { Key } from './keys.js';
import {
  answeredCount,
  blank,
  EXIT_INTERRUPTED,
  firstUnanswered,
  isProfileComplete,
  itemsOf,
  NAME_MAX,
  OWNER_MAX,
  RESULTS_PANES,
  statusOf,
  TEXT_MAX,
  type Effect,
  type Screen,
  type Step,
  type WizardContext,
  type WizardEvent,
  type WizardState,
} from './model.js';
import { afterProfile, afterQuestion, enter, openRecord, previous, resumeScreen, toReview } from './navigation.js';
import { positionOf } from './record.js';
import { nearestShown, nextOpen, visibleRows } from './review.js';
import { editField, field } from './text.js';

/** Apply one event; adds a `persist` effect whenever what the store keeps has changed. */
export function step(ctx: WizardContext, s: WizardState, event: WizardEvent): Step {
  const r = reduce(ctx, s, event);
  const pos = positionOf(r.state.screen);
  const moved = pos !== undefined && JSON.stringify(pos) !== JSON.stringify(s.position);
  const state = moved ? { ...r.state, position: pos } : r.state;
  const changed =
    state.id !== undefined &&
    (moved ||
      state.id !== s.id ||
      state.values !== s.values ||
      state.notes !== s.notes ||
      state.owners !== s.owners ||
      state.profile !== s.profile ||
      state.status !== s.status);
  return { state, effects: changed ? [{ type: 'persist' }, ...r.effects] : r.effects };
}

const done = (state: WizardState, ...effects: Effect[]): Step => ({ state, effects });

function reduce(ctx: WizardContext, s0: WizardState, event: WizardEvent): Step {
  switch (event.type) {
    case 'interrupt':
      return done({ ...s0, screen: { kind: 'quit' } }, { type: 'exit', code: EXIT_INTERRUPTED });
    case 'write-conflict':
      return done(enter(ctx, s0, { kind: 'overwrite', files: event.files }));
    case 'write-failed':
      return done(enter(ctx, s0, { kind: 'paths', field: 'plan' }, event.message));
    case 'write-done':
      return done({ ...s0, status: 'saved', files: { plan: event.plan, answers: event.answers }, screen: { kind: 'saved', plan: event.plan, answers: event.answers }, message: undefined });
    case 'key':
      break;
  }
  const key = event.key;
  if (is('quit', key)) return reduce(ctx, s0, { type: 'interrupt' });
  const s: WizardState = s0.message ? { ...s0, message: undefined } : s0;
  const sc = s.screen;
  switch (sc.kind) {
    case 'resume':
      return onSelect(ctx, s, key, resumeChoices(ctx).length, (i) => {
        const id = resumeChoices(ctx)[i]!.value;
        const rec = id === null ? undefined : ctx.saved.find((r) => r.id === id);
        return done(rec ? openRecord(ctx, rec) : enter(ctx, { ...blank, screen: sc }, { kind: 'program' }));
      });
    case 'welcome':
      if (is('choose', key) || is('forward', key)) return done(enter(ctx, s, { kind: 'program' }));
      return back(ctx, s, key);
    case 'name':
      return onText(ctx, s, key, NAME_MAX, (text) => submitName(ctx, s, text));
    case 'clash':
      return onSelect(ctx, s, key, CLASH_CHOICES.length, (i) => {
        const choice = CLASH_CHOICES[i]!.value;
        const rec = ctx.saved.find((r) => r.id === sc.id)!;
        if (choice === 'continue') return done(openRecord(ctx, rec));
        if (choice === 'rename') return done({ ...enter(ctx, s, { kind: 'name' }), input: s.input });
        if (choice === 'reassess') {
          // A new record, so `compare` can set the two side by side; every answer, note and owner
          // carried over, so the consultant changes only what moved. Next: the new start date, then review.
          const taken = new Set(ctx.saved.map((r) => r.id));
          const base = rec.id.replace(/-\d+$/, '');
          let id = `${base}-2`;
          for (let n = 3; taken.has(id); n++) id = `${base}-${n}`;
          const next: WizardState = {
            ...blank,
            screen: sc,
            id,
            profile: { ...rec.profile, name: s.input.text.trim() || rec.profile.name },
            values: { ...rec.values },
            notes: { ...rec.notes },
            owners: { ...rec.owners },
            fromReview: true,
          };
          return done(enter(ctx, { ...next, status: statusOf(ctx, next) }, { kind: 'start' }));
        }
        const fresh: WizardState = { ...blank, screen: sc, id: rec.id, profile: { programType: s.profile.programType, name: s.input.text.trim() } };
        return done(enter(ctx, fresh, { kind: 'start' }));
      });
    case 'program':
      return onSelect(ctx, s, key, ctx.programs.length, (i) => {
        // The program type decides which role questions are asked, so completeness may change.
        const next: WizardState = { ...s, profile: { ...s.profile, programType: ctx.programs[i]!.value } };
        return done(enter(ctx, { ...next, status: statusOf(ctx, next) }, afterProfile(s, { kind: 'name' })));
      });
    case 'start':
      return onText(ctx, s, key, 10, (text) => {
        const date = text.trim();
        const problem = dateMessage(date);
        if (problem) return done({ ...s, message: `${problem}. Example: ${ctx.defaultStartDate}` });
        return done(enter(ctx, { ...s, profile: { ...s.profile, startDate: date } }, afterProfile(s, { kind: 'fixed' })));
      });
    case 'fixed':
      return onSelect(ctx, s, key, FIXED_CHOICES.length, (i) => {
        const fixed = FIXED_CHOICES[i]!.value;
        const next = { ...s, profile: { ...s.profile, timelineFixed: fixed } };
        // With a deadline set from outside, ask for its date (optional) next, from review too.
        return done(enter(ctx, next, fixed ? { kind: 'target' } : afterProfile(s, { kind: 'intro', index: 0 })));
      });
    case 'target':
      return onText(ctx, s, key, 10, (text) => {
        const date = text.trim();
        const problem = date === '' ? undefined : dateMessage(date);
        if (problem) return done({ ...s, message: `${problem}; leave it empty if there is no date.` });
        const { targetDate: _old, ...rest } = s.profile;
        const profile = date ? { ...rest, targetDate: date } : rest;
        return done(enter(ctx, { ...s, profile }, afterProfile(s, { kind: 'intro', index: 0 })));
      });
    case 'intro':
      if (is('choose', key) || is('forward', key)) {
        return done(enter(ctx, s, { kind: 'question', index: itemsOf(ctx, s).findIndex((x) => x.instrument === sc.index) }));
      }
      if (is('review', key)) return done(toReview(ctx, s));
      return back(ctx, s, key);
    case 'question':
      return onQuestion(ctx, s, sc.index, key);
    case 'review':
      return onReview(ctx, s, key);
    case 'results':
      if (is('nextPane', key)) return done({ ...s, resultsPane: (s.resultsPane + 1) % RESULTS_PANES.length });
      if (is('previousPane', key)) return done({ ...s, resultsPane: (s.resultsPane + RESULTS_PANES.length - 1) % RESULTS_PANES.length });
      if (is('choose', key)) return done(enter(ctx, s, { kind: 'paths', field: 'plan' }));
      return back(ctx, s, key);
    case 'paths':
      return onText(ctx, s, key, 1000, (text) => submitPath(ctx, s, sc.field, text.trim()));
    case 'overwrite':
      if (is('yes', key)) return confirmOverwrite(ctx, s, true);
      if (is('no', key)) return confirmOverwrite(ctx, s, false);
      return onSelect(ctx, s, key, OVERWRITE_CHOICES.length, (i) => confirmOverwrite(ctx, s, OVERWRITE_CHOICES[i]!.value));
    case 'saved':
      if (is('finish', key)) return done(s, { type: 'exit', code: 0 });
      return done(s);
    case 'saving':
    case 'quit':
      return done(s0);
  }
}

function back(ctx: WizardContext, s: WizardState, key: Key): Step {
  if (!is('back', key)) return done(s);
  const to = previous(ctx, s);
  return done(to ? enter(ctx, s, to) : s);
}

/** Move the highlight, pick a row by its number, choose the highlighted row; else back. */
function onSelect(ctx: WizardContext, s: WizardState, key: Key, count: number, choose: (i: number) => Step): Step {
  if (is('up', key)) return done({ ...s, cursor: Math.max(0, s.cursor - 1) });
  if (is('down', key)) return done({ ...s, cursor: Math.min(count - 1, s.cursor + 1) });
  if (is('first', key)) return done({ ...s, cursor: 0 });
  if (is('last', key)) return done({ ...s, cursor: count - 1 });
  if (is('choose', key)) return choose(Math.min(s.cursor, count - 1));
  const picked = pickedRow(key, count);
  if (picked !== undefined) return choose(picked);
  return back(ctx, s, key);
}

/** Typing edits the field, Enter submits it, Esc goes back. */
function onText(ctx: WizardContext, s: WizardState, key: Key, max: number, submit: (text: string) => Step): Step {
  if (is('choose', key)) return submit(s.input.text);
  if (is('backFromText', key)) return back(ctx, s, key);
  const input = editField(s.input, key, max);
  return done(input ? { ...s, input } : s);
}

function submitName(ctx: WizardContext, s: WizardState, text: string): Step {
  const name = text.trim();
  if (name === '') return done({ ...s, message: 'Type the name of your organization.' });
  if (s.id) {
    // Renaming an assessment that is already saved: it keeps its place in the store.
    return done(enter(ctx, { ...s, profile: { ...s.profile, name } }, afterProfile(s, { kind: 'start' })));
  }
  const slug = ctx.slug(name);
  // The most recent assessment of this organization (a re-assessment is newer than its original).
  const same = ctx.saved
    .filter((r) => ctx.slug(r.profile.name ?? r.id) === slug)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  if (same) return done({ ...s, input: field(name), screen: { kind: 'clash', id: same.id }, cursor: 0 });
  const taken = new Set(ctx.saved.map((r) => r.id));
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
  return done(enter(ctx, { ...s, id, profile: { ...s.profile, name } }, { kind: 'start' }));
}

function answer(ctx: WizardContext, s: WizardState, index: number, value: string): Step {
  const id = itemsOf(ctx, s)[index]!.item.id;
  let next: WizardState = { ...s, values: { ...s.values, [id]: value } };
  next = { ...next, status: statusOf(ctx, next) };
  const to = afterQuestion(ctx, s, index);
  const reviewReturn: Screen | undefined = to.kind === 'review' && !s.fromReview ? { kind: 'question', index } : s.reviewReturn;
  return done(enter(ctx, { ...next, reviewReturn }, to));
}

/** Set or clear one entry of a per-item map (notes, owners). */
function setEntry(map: Record<string, string>, id: string, text: string): Record<string, string> {
  const next = { ...map };
  if (text) next[id] = text;
  else delete next[id];
  return next;
}

function onNote(s: WizardState, id: string, key: Key): Step {
  const note = s.note!;
  if (is('choose', key)) {
    const text = note.text.trim();
    return done({ ...s, notes: setEntry(s.notes, id, text), note: undefined, message: text ? 'Note saved.' : 'Note removed.' });
  }
  if (is('backFromText', key)) return done({ ...s, note: undefined });
  const next = editField(note, key, TEXT_MAX);
  return done(next ? { ...s, note: next } : s);
}

/**
 * The owner editor: type a role, or move through the roles already used for this organization
 * (↑↓ puts one in the field); Enter saves (an empty field removes the owner), Esc cancels.
 */
function onOwner(ctx: WizardContext, s: WizardState, id: string, key: Key): Step {
  const ed = s.owner!;
  if (is('choose', key)) {
    const text = ed.input.text.trim();
    return done({ ...s, owners: setEntry(s.owners, id, text), owner: undefined, message: text ? `Owner set: ${text}.` : 'Owner removed.' });
  }
  if (is('backFromText', key)) return done({ ...s, owner: undefined });
  const roles = knownOwners(ctx, s);
  if (is('down', key, true) || is('up', key, true)) {
    if (roles.length === 0) return done(s);
    const cursor = is('down', key, true) ? Math.min(roles.length - 1, ed.cursor + 1) : Math.max(-1, ed.cursor - 1);
    return done({ ...s, owner: { cursor, input: cursor >= 0 ? field(roles[cursor]!) : ed.input } });
  }
  const input = editField(ed.input, key, OWNER_MAX);
  return done(input ? { ...s, owner: { input, cursor: -1 } } : s);
}

function onQuestion(ctx: WizardContext, s: WizardState, index: number, key: Key): Step {
  const { item } = itemsOf(ctx, s)[index]!;
  const typing = item.type === 'text';

  if (s.note) return onNote(s, item.id, key);
  if (s.owner) return onOwner(ctx, s, item.id, key);

  if (is(typing ? 'helpWhileTyping' : 'help', key, typing)) return done({ ...s, help: !s.help });
  if (is('note', key, typing)) return done({ ...s, note: field(s.notes[item.id] ?? '') });
  if (is('owner', key, typing)) return done({ ...s, owner: { input: field(s.owners[item.id] ?? ''), cursor: -1 } });
  if (is('review', key, typing)) return done(toReview(ctx, s));

  if (typing) return onText(ctx, s, key, TEXT_MAX, (text) => answer(ctx, s, index, text.trim()));

  if (is('forward', key)) {
    if (!(item.id in s.values)) return done({ ...s, message: 'Choose an answer first (or "Not sure").' });
    return done(enter(ctx, s, afterQuestion(ctx, s, index)));
  }
  const choices = itemChoices(item);
  return onSelect(ctx, s, key, choices.length, (i) => answer(ctx, s, index, choices[i]!.value));
}

function onReview(ctx: WizardContext, s: WizardState, key: Key): Step {
  const rows = visibleRows(ctx, s);
  const at = Math.max(0, rows.findIndex((r) => r.index === s.reviewCursor));
  const move = (to: number) => (rows.length === 0 ? done(s) : done({ ...s, reviewCursor: rows[Math.max(0, Math.min(rows.length - 1, to))]!.index }));
  const refilter = (reviewFilter: WizardState['reviewFilter'], filtering: boolean) => {
    const next = { ...s, reviewFilter, filtering };
    const shown = nearestShown(visibleRows(ctx, next), s.reviewCursor);
    return done(shown === undefined ? next : { ...next, reviewCursor: shown });
  };

  // The owner of the highlighted question, set from the review (o).
  const item = s.reviewCursor >= PROFILE_ROWS.length ? itemsOf(ctx, s)[s.reviewCursor - PROFILE_ROWS.length]?.item : undefined;
  if (s.owner && item) return onOwner(ctx, s, item.id, key);

  if (s.filtering) {
    if (is('up', key, true)) return move(at - 1);
    if (is('down', key, true)) return move(at + 1);
    if (is('choose', key)) return done({ ...s, filtering: false });
    if (is('backFromText', key)) return refilter(field(), false);
    const f = editField(s.reviewFilter, key, 200);
    return f ? refilter(f, true) : done(s);
  }

  if (is('up', key)) return move(at - 1);
  if (is('down', key)) return move(at + 1);
  if (is('pageUp', key)) return move(at - 10);
  if (is('pageDown', key)) return move(at + 10);
  if (is('first', key)) return move(0);
  if (is('last', key)) return move(rows.length - 1);
  if (is('filter', key)) return done({ ...s, filtering: true });
  if (is('owner', key) && item && rows.some((r) => r.index === s.reviewCursor)) return done({ ...s, owner: { input: field(s.owners[item.id] ?? ''), cursor: -1 } });
  if (is('nextOpen', key) || is('previousOpen', key)) {
    const to = nextOpen(ctx, s, is('nextOpen', key) ? 1 : -1);
    return done(to === undefined ? { ...s, message: 'Every question shown is answered, none "Not sure".' } : { ...s, reviewCursor: to });
  }
  if (is('choose', key)) {
    if (rows.length === 0) return done(s);
    const row = s.reviewCursor;
    const profileRow = PROFILE_ROWS[row];
    // The target date is asked only with a deadline set from outside: its row opens that question.
    const screen: Screen =
      profileRow === undefined ? { kind: 'question', index: row - PROFILE_ROWS.length } : { kind: profileRow === 'target' && !s.profile.timelineFixed ? 'fixed' : profileRow };
    return done(enter(ctx, { ...s, fromReview: true }, screen));
  }
  if (is('toResults', key)) {
    if (!isProfileComplete(s.profile)) return done(enter(ctx, { ...s, fromReview: false }, resumeScreen(ctx, s, { step: 'results' })));
    const missing = itemsOf(ctx, s).length - answeredCount(ctx, s);
    if (missing > 0) {
      return done(
        enter(ctx, { ...s, fromReview: false }, { kind: 'question', index: firstUnanswered(ctx, s) }, `${missing} question${missing === 1 ? ' is' : 's are'} still unanswered; this is the first.`),
      );
    }
    return done(enter(ctx, s, { kind: 'results' }));
  }
  // Esc first clears a filter, then goes back.
  if (is('backFromText', key) && s.reviewFilter.text) return refilter(field(), false);
  return back(ctx, s, key);
}

function submitPath(ctx: WizardContext, s: WizardState, which: 'plan' | 'answers', path: string): Step {
  if (path === '' || path === '-') return done({ ...s, message: 'Give a file name.' });
  const paths = { ...(s.paths ?? ctx.defaultPaths(s.profile.name ?? 'organization')), [which]: path };
  if (which === 'plan') return done(enter(ctx, { ...s, paths }, { kind: 'paths', field: 'answers' }));
  if (paths.answers === paths.plan) return done({ ...s, paths, message: 'The answers file needs a different name from the plan.' });
  return done({ ...s, paths, screen: { kind: 'saving' } }, { type: 'write', plan: paths.plan, answers: paths.answers, replace: ctx.force });
}

function confirmOverwrite(ctx: WizardContext, s: WizardState, replace: boolean): Step {
  if (!replace) return done(enter(ctx, s, { kind: 'paths', field: 'plan' }));
  const paths = s.paths!;
  return done({ ...s, screen: { kind: 'saving' } }, { type: 'write', plan: paths.plan, answers: paths.answers, replace: true });
}
