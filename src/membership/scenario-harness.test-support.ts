import { createPrng } from '../lib/prng.js';
import { MembershipDirectory } from './membership-directory.js';
import type { MetadataReply, MetadataRequest } from './messages.js';
import { MetadataService } from './metadata-service.js';
import { MembershipAgent } from './node-agent.js';
import { PartitionMapCache } from './partition-map-cache.js';
import { profileNamed, type MembershipProfile, type ProfileName } from './profiles.js';

/**
 * Drives the membership cores through a readable script (etcd-io/raft's datadriven style): nodes, one
 * metadata service and a router, wired with no network delay; every message and state change is printed.
 *
 *   setup profile=hardened nodes=3 entries=900 workers=1 queue=2 delta-max=100 router=1
 *   refresh 0 1          nodes ask now
 *   run 2500             advance virtual time to 2500 ms, delivering everything on the way
 *   link-down 1 / link-up 1, crash 1 / restart 1
 *   change 40 0 1        the membership of nodes 0 and 1 changes in 40 entries each (a new version)
 *   operator pause | resume | add-capacity 4
 *   lookup               the router answers a lookup from its cache
 *   status               every node's view, the queue and the counters
 */
export class ScenarioHarness {
  private nowMs = 0;
  private profile: MembershipProfile = profileNamed('hardened');
  private directory = new MembershipDirectory(1, 1);
  private service: MetadataService | undefined;
  private agents: MembershipAgent[] = [];
  private router: PartitionMapCache | undefined;
  private readonly down = new Set<number>();
  private mapVersion = 1;
  private output: string[] = [];

  run(command: string): string {
    this.output = [];
    const [verb, ...args] = command.trim().split(/\s+/);
    const numbers = args.map(Number);
    switch (verb) {
      case 'setup':
        this.setup(Object.fromEntries(args.map((arg) => arg.split('=') as [string, string])));
        break;
      case 'refresh':
        for (const node of numbers) this.agents[node]?.requestRefresh(this.nowMs);
        this.runUntil(this.nowMs);
        break;
      case 'run':
        this.runUntil(numbers[0] ?? this.nowMs);
        break;
      case 'link-down':
      case 'link-up':
      case 'crash':
      case 'restart':
        for (const node of numbers) this.nodeEvent(verb, node);
        this.runUntil(this.nowMs);
        break;
      case 'change':
        for (const node of numbers.slice(1)) this.log(`node ${node} membership now v${this.directory.recordChange(node, numbers[0] ?? 1)}`);
        break;
      case 'operator':
        this.operator(args);
        break;
      case 'lookup':
        this.log(`router answers from its cache: map v${this.router?.lookup()}`);
        break;
      case 'status':
        this.status();
        break;
      default:
        this.log(`unknown command ${verb}`);
    }
    return this.output.join('\n');
  }

  private setup(options: Record<string, string>): void {
    const number = (name: string, fallback: number): number => (options[name] === undefined ? fallback : Number(options[name]));
    const base = profileNamed((options['profile'] ?? 'hardened') as ProfileName);
    this.profile = {
      ...base,
      service: {
        ...base.service,
        workers: number('workers', base.service.workers),
        queueLengthMax: number('queue', base.service.queueLengthMax),
        deltaEntriesMax: number('delta-max', base.service.deltaEntriesMax),
      },
    };
    const nodes = number('nodes', 1);
    this.directory = new MembershipDirectory(nodes, number('entries', 300));
    this.service = new MetadataService(this.profile.service, this.directory, () => this.mapVersion);
    const prng = createPrng(number('seed', 1));
    this.agents = Array.from({ length: nodes }, (_, node) => new MembershipAgent(node, this.profile.node, prng, 0, { version: 1, entries: this.directory.entriesOf(node) }));
    const routerRefreshMs = number('router', 0);
    this.router = routerRefreshMs > 0 ? new PartitionMapCache(0, { refreshIntervalMs: routerRefreshMs, requestTimeoutMs: this.profile.node.requestTimeoutMs }, 0, 1, routerRefreshMs) : undefined;
    this.log(`${this.profile.name}: ${nodes} nodes of ${this.directory.entriesOf(0)} entries, ${this.profile.service.workers} workers, queue ${this.profile.service.queueLengthMax}`);
  }

  private nodeEvent(verb: 'link-down' | 'link-up' | 'crash' | 'restart', node: number): void {
    const agent = this.agents[node];
    if (agent === undefined) return;
    if (verb === 'link-down') {
      this.down.add(node);
      agent.linkDown(this.nowMs);
    } else if (verb === 'link-up') {
      this.down.delete(node);
      agent.linkUp(this.nowMs);
    } else if (verb === 'crash') agent.crash();
    else agent.restart(this.nowMs);
    this.log(`node ${node} ${verb}: ${this.describeNode(node)}`);
  }

  private operator(args: readonly string[]): void {
    const command = args[0] === 'add-capacity' ? { kind: 'addCapacity' as const, workers: Number(args[1]) } : args[0] === 'pause' ? { kind: 'pause' as const } : { kind: 'resume' as const };
    this.deliverToService({ kind: 'operator', requestId: 0, command, sentAtMs: this.nowMs, deadlineMs: Infinity }, 'operator');
    this.runUntil(this.nowMs);
  }

  /** Processes every wake-up and message due by `untilMs`, in time order. */
  private runUntil(untilMs: number): void {
    for (;;) {
      this.exchange();
      const next = Math.min(this.service?.nextEventMs() ?? Infinity, this.router?.nextWakeMs() ?? Infinity, ...this.agents.map((agent) => agent.nextWakeMs()));
      if (next > untilMs) break;
      this.nowMs = Math.max(this.nowMs, next);
      this.service?.advance(this.nowMs);
      this.router?.tick(this.nowMs);
      for (const agent of this.agents) agent.tick(this.nowMs);
    }
    this.nowMs = Math.max(this.nowMs, untilMs);
  }

  private exchange(): void {
    for (let moved = true; moved; ) {
      moved = false;
      for (const agent of this.agents) {
        for (const request of agent.takeRequests()) {
          moved = true;
          const known = request.knownVersion === undefined ? 'full list' : `known v${request.knownVersion}`;
          const label = `node ${agent.nodeId} asks (${known}, attempt ${request.attempt}${request.cursor > 0 ? `, cursor ${request.cursor}` : ''})`;
          if (this.down.has(agent.nodeId)) this.log(`${label}: lost, link down`);
          else this.deliverToService(request, label);
        }
      }
      for (const request of this.router?.takeRequests() ?? []) {
        moved = true;
        this.deliverToService(request, `router asks (map v${request.knownVersion})`);
      }
      for (const reply of this.service?.takeReplies() ?? []) {
        moved = true;
        this.deliverReply(reply);
      }
    }
  }

  private deliverToService(request: MetadataRequest, label: string): void {
    this.service?.receive(request, this.nowMs);
    this.log(`${label} → queue ${this.service?.queueDepth}`);
  }

  private deliverReply(reply: MetadataReply): void {
    if (reply.kind === 'operator') {
      this.log(`operator ${reply.command.kind} done: ${this.service?.workers} workers${this.service?.paused === true ? ', paused' : ''}`);
      return;
    }
    if (reply.kind === 'partitionMap') {
      this.router?.receive(reply, this.nowMs);
      this.log(`router gets ${reply.answer.kind}${reply.answer.kind === 'rejected' ? '' : ` v${reply.answer.version}`}`);
      return;
    }
    const node = reply.nodeId;
    if (this.down.has(node)) {
      this.log(`answer to node ${node} lost, link down`);
      return;
    }
    const used = this.agents[node]?.receive(reply, this.nowMs) ?? false;
    const answer = reply.answer;
    const detail =
      answer.kind === 'rejected'
        ? `rejected, retry after ${answer.retryAfterMs} ms${answer.paused ? ' (paused)' : ''}`
        : answer.kind === 'delta'
          ? `delta of ${answer.entries} entries${answer.complete ? '' : ', more to come'}`
          : `${answer.kind}${answer.kind === 'full' ? ` (${answer.entries} entries)` : ''} v${answer.version}`;
    this.log(`node ${node} gets ${detail}${used ? '' : ' — too late, wasted'}: ${this.describeNode(node)}`);
  }

  private describeNode(node: number): string {
    const agent = this.agents[node];
    if (agent === undefined) return 'no such node';
    if (!agent.running) return 'down';
    const held = agent.membership;
    return `${agent.inService ? 'in service' : 'OUT OF SERVICE'}, holds ${held === undefined ? 'nothing' : `v${held.version}`}, next at ${fmt(agent.nextWakeMs())}`;
  }

  private status(): void {
    for (let node = 0; node < this.agents.length; node += 1) this.log(`node ${node}: ${this.describeNode(node)}`);
    const service = this.service;
    if (service !== undefined) {
      const counters = Object.entries(service.counters).map(([name, value]) => `${name} ${fmt(value)}`).join(', ');
      this.log(`service: queue ${service.queueDepth}, ${service.workers} workers${service.paused ? ', paused' : ''}; ${counters}`);
    }
    if (this.router !== undefined) this.log(`router: map v${this.router.mapVersion}, refreshed at ${fmt(this.router.lastRefreshedAtMs)}`);
  }

  private log(line: string): void {
    this.output.push(`${fmt(this.nowMs)} ${line}`);
  }
}

/** Milliseconds to one decimal, so jittered times stay readable and stable. */
function fmt(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 10) / 10) : String(value);
}
