import type { OperatorAction } from './scenario.js';

/**
 * The operator's script as written on the command line: `second:action` items separated by commas, the
 * actions being `pause`, `resume` and `add-capacity=<workers per cell>`.
 */
export function parseOperatorScript(text: string): { ok: true; actions: OperatorAction[] } | { ok: false; message: string } {
  const actions: OperatorAction[] = [];
  for (const item of text.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const match = /^(\d+(?:\.\d+)?):(pause|resume|add-capacity=(\d+))$/.exec(item);
    if (match === null) return { ok: false, message: `operator action '${item}' is not <second>:pause, <second>:resume or <second>:add-capacity=<workers>` };
    const atS = Number(match[1]);
    const workers = Number(match[3]);
    if (match[2] === 'pause') actions.push({ atS, command: { kind: 'pause' } });
    else if (match[2] === 'resume') actions.push({ atS, command: { kind: 'resume' } });
    else if (workers > 0) actions.push({ atS, command: { kind: 'addCapacity', workers } });
    else return { ok: false, message: `operator action '${item}' adds no workers` };
  }
  return { ok: true, actions: actions.sort((a, b) => a.atS - b.atS) };
}

/**
 * What AWS's operators had to do in 2015, in our model: stop the requests (dropping the backlog), add
 * enough capacity for the whole fleet asking at once (16 → 128 workers), then let requests in again.
 */
export const AWS_OPERATOR_SCRIPT = '1800:pause,1830:add-capacity=112,1860:resume';

export function describeAction(action: OperatorAction): string {
  const command = action.command;
  return command.kind === 'addCapacity' ? `+${command.workers} workers` : command.kind;
}
