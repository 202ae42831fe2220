/** Commands for the open conversation, sent by shortcuts and the command palette, heard by its panel. */
export type WorkspaceCommand = 'reply' | 'private' | 'resolve' | 'next' | 'previous';

const EVENT = 'rockethub:workspace-command';

export function runWorkspaceCommand(command: WorkspaceCommand): void {
  window.dispatchEvent(new CustomEvent<WorkspaceCommand>(EVENT, { detail: command }));
}

export function onWorkspaceCommand(listener: (command: WorkspaceCommand) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<WorkspaceCommand>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}

/** Alt+J / Alt+K next and previous conversation, Alt+R reply, Alt+P private note, Alt+E resolve. */
const SHORTCUTS: Record<string, WorkspaceCommand> = { j: 'next', k: 'previous', r: 'reply', p: 'private', e: 'resolve' };

export function startWorkspaceShortcuts(): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    // event.code: Alt changes event.key on macOS (Alt+J is "∆").
    const key = event.code.startsWith('Key') ? event.code.slice(3).toLowerCase() : '';
    const command = SHORTCUTS[key];
    if (!command) return;
    event.preventDefault();
    runWorkspaceCommand(command);
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
