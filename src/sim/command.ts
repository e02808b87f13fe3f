import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isProfileName } from '../membership/profiles.js';
import { toCsv } from './metrics.js';
import { AWS_OPERATOR_SCRIPT, describeAction, parseOperatorScript } from './operator-script.js';
import { outageDefaults, type OutageOptions, type OutageSummary } from './outage-2015.js';
import { cutScopes, type CutScope } from './scenario.js';
import { goodputSvg, queueDepthSvg, runOutage, sweep, sweepDefaults, sweepMapSvg, sweepTable } from './sweep.js';

/**
 * `dynacell sim …`: the edge of the simulator. Parses flags, runs the pure simulation, and writes CSV and
 * SVG files; the only I/O of the simulator is here.
 */
export const simUsage = `Usage: dynacell sim outage-2015 [flags]    one run of the 2015 scenario: CSV per virtual second
       dynacell sim sweep [flags]          the stable / metastable map over cut fraction and GSI growth

outage-2015 flags (defaults: DESIGN.md §4):
  --profile <naive|hardened>  membership protocol profile (default ${outageDefaults.profile})
  --seed <n>                  PRNG seed; the same seed gives byte-identical output (default ${outageDefaults.seed})
  --nodes <n>                 storage nodes (default ${outageDefaults.nodes})
  --partitions-per-node <n>   partition replicas per node (default ${outageDefaults.partitionsPerNode})
  --gsi-growth <g>            factor on membership entries from global secondary indexes (default ${outageDefaults.gsiGrowth})
  --cut-fraction <f>          share of nodes cut off from the metadata service (default ${outageDefaults.cutFraction})
  --cut-duration <s>          how long the cut lasts (default ${outageDefaults.cutDurationS})
  --cut-at <s>                when it starts (default ${outageDefaults.cutAtS})
  --cut-scope <metadata|all>  cut the links to the metadata service only, or to peers and clients too (default ${outageDefaults.cutScope})
  --duration <s>              virtual seconds to simulate (default ${outageDefaults.durationS})
  --cells <n>                 independent metadata service cells (default ${outageDefaults.cells})
  --fail-cell <i>             instead of the cut, cell i's metadata service fails at --cut-at for --cut-duration
  --loss <p>                  probability that any one message is lost (default ${outageDefaults.loss})
  --operator <script>         e.g. '${AWS_OPERATOR_SCRIPT}'
  --csv <file>                write the CSV here instead of stdout
  --svg <file>                also draw goodput over time

sweep flags: --seed, --nodes, --partitions-per-node, --cut-duration as above, and
  --cut-fractions <list>      default ${sweepDefaults.cutFractions.join(',')}
  --gsi-growths <list>        default ${sweepDefaults.gsiGrowths.join(',')}
  --out <dir>                 where the SVG pictures go (default docs/images)
`;

const EXIT_USAGE = 2;

const flagOptions = {
  profile: { type: 'string' },
  seed: { type: 'string' },
  nodes: { type: 'string' },
  'partitions-per-node': { type: 'string' },
  'gsi-growth': { type: 'string' },
  'cut-fraction': { type: 'string' },
  'cut-duration': { type: 'string' },
  'cut-at': { type: 'string' },
  'cut-scope': { type: 'string' },
  duration: { type: 'string' },
  cells: { type: 'string' },
  'fail-cell': { type: 'string' },
  loss: { type: 'string' },
  operator: { type: 'string' },
  csv: { type: 'string' },
  svg: { type: 'string' },
  'cut-fractions': { type: 'string' },
  'gsi-growths': { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean' },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof flagOptions; allowPositionals: true }>>['values'];

class UsageError extends Error {}

function numberFlag(flags: Flags, name: keyof Flags, fallback: number, valid: (value: number) => boolean): number {
  const text = flags[name];
  if (text === undefined) return fallback;
  const value = Number(text);
  if (typeof text !== 'string' || !Number.isFinite(value) || !valid(value)) throw new UsageError(`--${name} cannot be '${String(text)}'`);
  return value;
}

function listFlag(flags: Flags, name: 'cut-fractions' | 'gsi-growths', fallback: readonly number[]): number[] {
  const text = flags[name];
  if (text === undefined) return [...fallback];
  const values = text.split(',').map(Number);
  if (values.some((value) => !Number.isFinite(value) || value <= 0)) throw new UsageError(`--${name} must be a comma-separated list of positive numbers`);
  return values;
}

const positiveInteger = (value: number): boolean => Number.isInteger(value) && value > 0;
const fraction = (value: number): boolean => value >= 0 && value <= 1;

export function outageOptions(flags: Flags): OutageOptions {
  const profile = flags.profile ?? outageDefaults.profile;
  if (!isProfileName(profile)) throw new UsageError(`--profile must be naive or hardened, not '${profile}'`);
  const cutScope = flags['cut-scope'] ?? outageDefaults.cutScope;
  if (!(cutScopes as readonly string[]).includes(cutScope)) throw new UsageError(`--cut-scope must be metadata or all, not '${cutScope}'`);
  const operator = parseOperatorScript(flags.operator ?? '');
  if (!operator.ok) throw new UsageError(operator.message);
  const cells = numberFlag(flags, 'cells', outageDefaults.cells, positiveInteger);
  const failCell = flags['fail-cell'] === undefined ? undefined : numberFlag(flags, 'fail-cell', 0, (value) => Number.isInteger(value) && value >= 0 && value < cells);
  return {
    profile,
    seed: numberFlag(flags, 'seed', outageDefaults.seed, Number.isInteger),
    nodes: numberFlag(flags, 'nodes', outageDefaults.nodes, (value) => positiveInteger(value) && value >= 3 * cells),
    partitionsPerNode: numberFlag(flags, 'partitions-per-node', outageDefaults.partitionsPerNode, positiveInteger),
    gsiGrowth: numberFlag(flags, 'gsi-growth', outageDefaults.gsiGrowth, (value) => value > 0),
    cutFraction: numberFlag(flags, 'cut-fraction', outageDefaults.cutFraction, fraction),
    cutDurationS: numberFlag(flags, 'cut-duration', outageDefaults.cutDurationS, (value) => value >= 0),
    cutAtS: numberFlag(flags, 'cut-at', outageDefaults.cutAtS, (value) => value >= 0),
    cutScope: cutScope as CutScope,
    durationS: numberFlag(flags, 'duration', outageDefaults.durationS, positiveInteger),
    cells,
    failCell,
    routers: outageDefaults.routers,
    loss: numberFlag(flags, 'loss', outageDefaults.loss, (value) => value >= 0 && value < 1),
    operator: operator.actions,
  };
}

export function formatSummary(options: OutageOptions, summary: OutageSummary): string {
  const recover = summary.recoverS === undefined ? 'never' : `${summary.recoverS} s after the fault`;
  const fault = options.failCell === undefined ? `f=${options.cutFraction} D=${options.cutDurationS}s` : `cell ${options.failCell} of ${options.cells} failing for ${options.cutDurationS}s`;
  return (
    `${options.profile} g=${options.gsiGrowth} ${fault} seed=${options.seed}: ` +
    `${summary.stable ? 'stable' : 'METASTABLE'}; goodput min ${summary.goodputMin.toFixed(3)}, at the end ${summary.goodputEnd.toFixed(3)}; ` +
    `serving min ${summary.servingMin.toFixed(3)}; queue max ${summary.queueDepthMax}, at the end ${summary.queueDepthEnd}` +
    `${summary.queueGrowing ? ' and growing' : ''}; recovered ${recover}\n`
  );
}

function runOutageCommand(flags: Flags): void {
  const options = outageOptions(flags);
  const { rows, summary } = runOutage(options);
  const csv = toCsv(rows);
  if (flags.csv === undefined) process.stdout.write(csv);
  else writeFileSync(flags.csv, csv);
  if (flags.svg !== undefined) {
    const marks = [{ atS: options.cutAtS, label: 'cut' }, ...options.operator.map((action) => ({ atS: action.atS, label: describeAction(action) }))];
    writeFileSync(flags.svg, goodputSvg(`Goodput, ${options.profile} profile, g = ${options.gsiGrowth}, f = ${options.cutFraction}, D = ${options.cutDurationS} s`, [{ profile: options.profile, rows }], marks));
  }
  process.stderr.write(formatSummary(options, summary));
}

function runSweepCommand(flags: Flags): void {
  const base = outageOptions(flags);
  const cutFractions = listFlag(flags, 'cut-fractions', sweepDefaults.cutFractions);
  const gsiGrowths = listFlag(flags, 'gsi-growths', sweepDefaults.gsiGrowths);
  const outDirectory = flags.out ?? 'docs/images';
  mkdirSync(outDirectory, { recursive: true });
  const points = sweep(base, cutFractions, gsiGrowths, (point) => process.stderr.write(formatSummary({ ...base, ...point }, point.summary)));
  process.stdout.write(sweepTable(points, cutFractions, gsiGrowths));
  writeFileSync(join(outDirectory, 'sweep-map.svg'), sweepMapSvg(points, cutFractions, gsiGrowths, base.cutDurationS));
  writePictures(base, outDirectory);
  process.stdout.write(`pictures written to ${outDirectory}/: sweep-map.svg, goodput-2015.svg, queue-depth-2015.svg, goodput-operator.svg\n`);
}

/** Goodput and queue depth of a naive and a hardened run of the 2015 defaults, and the operator's rescue. */
function writePictures(base: OutageOptions, outDirectory: string): void {
  const scenario = { ...base, gsiGrowth: outageDefaults.gsiGrowth, cutFraction: outageDefaults.cutFraction };
  const runs = (['naive', 'hardened'] as const).map((profile) => ({ profile, rows: runOutage({ ...scenario, profile }).rows }));
  const cut = [{ atS: scenario.cutAtS, label: `cut ${scenario.cutFraction * 100}% for ${scenario.cutDurationS} s` }];
  const title = `g = ${scenario.gsiGrowth}, ${scenario.nodes} nodes`;
  writeFileSync(join(outDirectory, 'goodput-2015.svg'), goodputSvg(`Goodput after the cut, ${title}`, runs, cut));
  writeFileSync(join(outDirectory, 'queue-depth-2015.svg'), queueDepthSvg(`Metadata service queue, ${title}`, runs, cut));
  const script = parseOperatorScript(AWS_OPERATOR_SCRIPT);
  const actions = script.ok ? script.actions : [];
  const rescued = runOutage({ ...scenario, profile: 'naive', operator: actions }).rows;
  const marks = [...cut, ...actions.map((action) => ({ atS: action.atS, label: describeAction(action) }))];
  writeFileSync(join(outDirectory, 'goodput-operator.svg'), goodputSvg(`Naive profile rescued by the operator: pause, add capacity, resume (${title})`, [{ profile: 'naive', rows: rescued }], marks));
}

/** Runs `dynacell sim <argv>` and returns the exit code. */
export function runSimCommand(argv: readonly string[]): number {
  try {
    const parsed = parseArgs({ args: [...argv], options: flagOptions, allowPositionals: true, strict: true });
    const [command, ...rest] = parsed.positionals;
    if (parsed.values.help === true || command === undefined || command === 'help') {
      process.stdout.write(simUsage);
      return 0;
    }
    if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);
    if (command === 'outage-2015') runOutageCommand(parsed.values);
    else if (command === 'sweep') runSweepCommand(parsed.values);
    else throw new UsageError(`unknown simulation '${command}'`);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
    process.stderr.write(`dynacell sim: ${error.message}\n\n${simUsage}`);
    return EXIT_USAGE;
  }
}
