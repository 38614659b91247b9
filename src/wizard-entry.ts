// Everything the interactive side needs (Ink, React, conf), behind one lazy import. The build
// puts this module, bundled, inside dist/cli.js as an embedded module that is only compiled
// when the wizard or --list runs, so the scripted path never parses Ink or React.
export { runWizard } from './ui/run.js';
export { listCommand } from './io/store.js';
