import { assert, unreachable } from '../lib/assert.js';
import { createPrng, type Prng } from '../lib/prng.js';
import { layoutCells, type CellLayout } from '../membership/cells.js';
import { MembershipDirectory } from '../membership/membership-directory.js';
import type { MembershipReply, MetadataReply, MetadataRequest, PartitionMapReply } from '../membership/messages.js';
import { MetadataService, type ServiceCounters } from '../membership/metadata-service.js';
import { MembershipAgent } from '../membership/node-agent.js';
import { PartitionMapCache } from '../membership/partition-map-cache.js';
import { EventQueue } from './event-queue.js';
import type { SecondRow } from './metrics.js';
import type { Fault, OperatorAction, ScenarioConfig } from './scenario.js';

type Payload =
  | { readonly kind: 'nodeWake'; readonly node: number }
  | { readonly kind: 'serviceWake'; readonly cell: number }
  | { readonly kind: 'routerWake'; readonly router: number }
  | { readonly kind: 'toService'; readonly cell: number; readonly request: MetadataRequest }
  | { readonly kind: 'toNode'; readonly reply: MembershipReply }
  | { readonly kind: 'toRouter'; readonly reply: PartitionMapReply }
  | { readonly kind: 'faultStart' | 'faultEnd'; readonly fault: Fault; readonly nodes: readonly number[] }
  | { readonly kind: 'operator'; readonly action: OperatorAction }
  | { readonly kind: 'sample' };

const MS_PER_S = 1000;
/** Routers and operators are never cut off; only storage nodes are. */
const UNCUT_SENDER = -1;

interface SecondCounts {
  sent: number;
  retries: number;
  useful: number;
  wasted: number;
}

/**
 * The world of one run: nodes, cells and routers (the pure cores), a seeded network between them, and an
 * agenda of events on virtual time. Nothing here reads a clock or does I/O; the same config and seed give
 * the same rows.
 */
export class Simulation {
  private readonly prng: Prng;
  private readonly agenda = new EventQueue<Payload>();
  private readonly layout: CellLayout;
  private readonly agents: MembershipAgent[];
  private readonly services: MetadataService[];
  private readonly routers: PartitionMapCache[];
  private readonly nodeWakeAtMs: number[];
  private readonly serviceWakeAtMs: number[];
  private readonly routerWakeAtMs: number[];
  /** Cuts in force: how many cuts hold each node off the service, and off everything. */
  private readonly metadataCuts: Uint16Array;
  private readonly totalCuts: Uint16Array;
  private readonly totalCutSinceMs: number[];
  private readonly linkRestoredAtMs: number[];
  private readonly failedCells: Uint16Array;
  private readonly linkDelayMs: number[];
  /** Per group, how many of its replicas are up (serving and reachable) at the last sample. */
  private readonly groupReplicasUp: Uint8Array;
  private readonly nodeUp: Uint8Array;
  private groupsAvailable: number;
  private readonly previousCounters: ServiceCounters[];
  private counts: SecondCounts = { sent: 0, retries: 0, useful: 0, wasted: 0 };
  private nowMs = 0;
  readonly rows: SecondRow[] = [];

  constructor(private readonly config: ScenarioConfig) {
    assert(config.nodes > 0 && config.partitionsPerNode > 0 && config.gsiGrowth > 0, 'a fleet with partitions');
    this.prng = createPrng(config.seed);
    const nodes = config.nodes;
    this.layout = layoutCells(nodes, config.partitionsPerNode, config.cells);
    const directory = new MembershipDirectory(nodes, Math.round(config.partitionsPerNode * config.gsiGrowth));
    this.services = Array.from({ length: config.cells }, () => new MetadataService(config.profile.service, directory));
    this.previousCounters = this.services.map((service) => ({ ...service.counters }));
    this.agents = Array.from({ length: nodes }, (_, node) =>
      new MembershipAgent(node, config.profile.node, this.prng, 0, { version: directory.versionOf(node), entries: directory.entriesOf(node) }),
    );
    const routerConfig = { refreshIntervalMs: config.routerRefreshMs, requestTimeoutMs: config.profile.node.requestTimeoutMs };
    this.routers = Array.from({ length: config.routers }, (_, router) => new PartitionMapCache(router, routerConfig, 0, 1, this.prng.nextFloat() * config.routerRefreshMs));
    this.nodeWakeAtMs = new Array<number>(nodes).fill(Infinity);
    this.serviceWakeAtMs = new Array<number>(config.cells).fill(Infinity);
    this.routerWakeAtMs = new Array<number>(config.routers).fill(Infinity);
    this.metadataCuts = new Uint16Array(nodes);
    this.totalCuts = new Uint16Array(nodes);
    this.totalCutSinceMs = new Array<number>(nodes).fill(Infinity);
    this.linkRestoredAtMs = new Array<number>(nodes).fill(0);
    this.failedCells = new Uint16Array(config.cells);
    const { delayMsMin, delayMsMax } = config.network;
    this.linkDelayMs = Array.from({ length: nodes }, () => delayMsMin + this.prng.nextFloat() * (delayMsMax - delayMsMin));
    this.groupReplicasUp = new Uint8Array(this.layout.groupNodes.length).fill(3);
    this.nodeUp = new Uint8Array(nodes).fill(1);
    this.groupsAvailable = this.layout.groupNodes.length;
  }

  /** Runs the whole scenario and returns one row per virtual second. */
  run(): SecondRow[] {
    for (let node = 0; node < this.agents.length; node += 1) this.scheduleNode(node);
    for (let router = 0; router < this.routers.length; router += 1) this.scheduleRouter(router);
    for (const fault of this.config.faults) {
      const nodes = fault.kind === 'cellFailure' ? [] : this.chooseNodes(fault.fraction);
      this.agenda.push(fault.atS * MS_PER_S, { kind: 'faultStart', fault, nodes });
      this.agenda.push((fault.atS + fault.durationS) * MS_PER_S, { kind: 'faultEnd', fault, nodes });
    }
    for (const action of this.config.operator) this.agenda.push(action.atS * MS_PER_S, { kind: 'operator', action });
    for (let second = 1; second <= this.config.durationS; second += 1) this.agenda.push(second * MS_PER_S, { kind: 'sample' });
    const endMs = this.config.durationS * MS_PER_S;
    for (let event = this.agenda.pop(); event !== undefined && event.atMs <= endMs; event = this.agenda.pop()) {
      this.nowMs = event.atMs;
      this.handle(event.payload, event.atMs);
    }
    return this.rows;
  }

  private handle(payload: Payload, atMs: number): void {
    switch (payload.kind) {
      case 'nodeWake':
        if (!claimWake(this.nodeWakeAtMs, payload.node, atMs)) return;
        this.agents[payload.node]?.tick(atMs);
        this.flushNode(payload.node);
        return;
      case 'serviceWake':
        if (!claimWake(this.serviceWakeAtMs, payload.cell, atMs)) return;
        this.services[payload.cell]?.advance(atMs);
        this.flushService(payload.cell);
        return;
      case 'routerWake':
        if (!claimWake(this.routerWakeAtMs, payload.router, atMs)) return;
        this.routers[payload.router]?.tick(atMs);
        this.flushRouter(payload.router);
        return;
      case 'toService':
        this.services[payload.cell]?.receive(payload.request, atMs);
        this.flushService(payload.cell);
        return;
      case 'toNode':
        this.deliverToNode(payload.reply, atMs);
        return;
      case 'toRouter':
        this.routers[payload.reply.routerId]?.receive(payload.reply, atMs);
        this.flushRouter(payload.reply.routerId);
        return;
      case 'faultStart':
      case 'faultEnd':
        this.applyFault(payload.fault, payload.nodes, payload.kind === 'faultStart');
        return;
      case 'operator':
        for (let cell = 0; cell < this.services.length; cell += 1) {
          this.send(UNCUT_SENDER, cell, { kind: 'operator', requestId: 0, command: payload.action.command, sentAtMs: atMs, deadlineMs: Infinity });
        }
        return;
      case 'sample':
        this.sample(atMs);
        return;
      default:
        unreachable(payload);
    }
  }

  private deliverToNode(reply: MembershipReply, atMs: number): void {
    const agent = this.agents[reply.nodeId];
    if (agent === undefined) return;
    const used = agent.receive(reply, atMs);
    if (reply.answer.kind !== 'rejected') {
      if (used) this.counts.useful += 1;
      else this.counts.wasted += 1;
    }
    this.flushNode(reply.nodeId);
  }

  private flushNode(node: number): void {
    const agent = this.agents[node] as MembershipAgent;
    const cell = this.layout.cellOfNode[node] as number;
    for (const request of agent.takeRequests()) {
      this.counts.sent += 1;
      if (request.attempt > 0) this.counts.retries += 1;
      this.send(node, cell, request);
    }
    this.scheduleNode(node);
  }

  private scheduleNode(node: number): void {
    this.scheduleWake(this.nodeWakeAtMs, node, (this.agents[node] as MembershipAgent).nextWakeMs(), { kind: 'nodeWake', node });
  }

  /** Pushes a wake-up when the time changed; one already due is scheduled, and recorded, as now. */
  private scheduleWake(wakeAtMs: number[], index: number, nextWakeMs: number, payload: Payload): void {
    const wakeMs = Math.max(nextWakeMs, this.nowMs);
    if (wakeMs === Infinity || wakeMs === wakeAtMs[index]) return;
    wakeAtMs[index] = wakeMs;
    this.agenda.push(wakeMs, payload);
  }

  private flushRouter(router: number): void {
    const cache = this.routers[router] as PartitionMapCache;
    for (const request of cache.takeRequests()) this.send(UNCUT_SENDER, router % this.services.length, request);
    this.scheduleRouter(router);
  }

  private scheduleRouter(router: number): void {
    this.scheduleWake(this.routerWakeAtMs, router, (this.routers[router] as PartitionMapCache).nextWakeMs(), { kind: 'routerWake', router });
  }

  private flushService(cell: number): void {
    const service = this.services[cell] as MetadataService;
    for (const reply of service.takeReplies()) this.reply(cell, reply);
    this.scheduleWake(this.serviceWakeAtMs, cell, service.nextEventMs(), { kind: 'serviceWake', cell });
  }

  /** A message from a node (or a router or operator, `UNCUT_SENDER`) to a cell's service. */
  private send(node: number, cell: number, request: MetadataRequest): void {
    if (this.failedCells[cell] !== 0 || (node >= 0 && this.cutFromService(node)) || this.lost()) return;
    this.agenda.push(this.nowMs + this.delayMs(node), { kind: 'toService', cell, request });
  }

  private reply(cell: number, reply: MetadataReply): void {
    if (reply.kind === 'operator') return;
    const lostOnTheWay = this.failedCells[cell] !== 0 || (reply.kind === 'membership' && this.cutFromService(reply.nodeId)) || this.lost();
    if (lostOnTheWay) {
      if (reply.kind === 'membership' && reply.answer.kind !== 'rejected') this.counts.wasted += 1;
      return;
    }
    const atMs = this.nowMs + this.delayMs(reply.kind === 'membership' ? reply.nodeId : UNCUT_SENDER);
    if (reply.kind === 'membership') this.agenda.push(atMs, { kind: 'toNode', reply });
    else this.agenda.push(atMs, { kind: 'toRouter', reply });
  }

  private cutFromService(node: number): boolean {
    return this.metadataCuts[node] !== 0 || this.totalCuts[node] !== 0;
  }

  private lost(): boolean {
    return this.config.network.loss > 0 && this.prng.nextFloat() < this.config.network.loss;
  }

  /** The node's link delay plus jitter; routers and operators sit on the fastest links. */
  private delayMs(node: number): number {
    const network = this.config.network;
    return (this.linkDelayMs[node] ?? network.delayMsMin) + this.prng.nextFloat() * network.jitterMs;
  }

  /** A seeded choice of round(fraction × nodes) distinct nodes (partial Fisher–Yates). */
  private chooseNodes(fraction: number): number[] {
    const all = Array.from({ length: this.agents.length }, (_, node) => node);
    const count = Math.round(fraction * all.length);
    for (let index = 0; index < count; index += 1) {
      const other = index + this.prng.nextInt(all.length - index);
      [all[index], all[other]] = [all[other] as number, all[index] as number];
    }
    return all.slice(0, count).sort((a, b) => a - b);
  }

  private applyFault(fault: Fault, nodes: readonly number[], starting: boolean): void {
    const step = starting ? 1 : -1;
    switch (fault.kind) {
      case 'cut': {
        const cuts = fault.scope === 'all' ? this.totalCuts : this.metadataCuts;
        for (const node of nodes) {
          const wasCut = this.cutFromService(node);
          cuts[node] = (cuts[node] as number) + step;
          if (fault.scope === 'all') this.totalCutSinceMs[node] = this.totalCuts[node] === 0 ? Infinity : Math.min(this.totalCutSinceMs[node] as number, this.nowMs);
          this.linkChanged(node, wasCut);
        }
        return;
      }
      case 'cellFailure':
        this.failedCells[fault.cell] = (this.failedCells[fault.cell] as number) + step;
        for (let node = 0; node < this.agents.length; node += 1) {
          if (this.layout.cellOfNode[node] !== fault.cell) continue;
          if (starting) this.loseLink(node);
          else this.restoreLink(node);
          this.flushNode(node);
        }
        return;
      case 'crash':
        for (const node of nodes) {
          const agent = this.agents[node] as MembershipAgent;
          if (starting) agent.crash();
          else {
            agent.restart(this.nowMs);
            this.linkRestoredAtMs[node] = this.nowMs;
          }
          this.flushNode(node);
        }
        return;
      default:
        unreachable(fault);
    }
  }

  private linkChanged(node: number, wasCut: boolean): void {
    const isCut = this.cutFromService(node);
    if (!wasCut && isCut) this.loseLink(node);
    if (wasCut && !isCut) this.restoreLink(node);
    this.flushNode(node);
  }

  /** A node that cannot reach the service has no confirmed membership until it can and has asked. */
  private loseLink(node: number): void {
    this.linkRestoredAtMs[node] = Infinity;
    this.agents[node]?.linkDown(this.nowMs);
  }

  private restoreLink(node: number): void {
    this.linkRestoredAtMs[node] = this.nowMs;
    this.agents[node]?.linkUp(this.nowMs);
  }

  /** Serving from the node's own point of view: in service, and its replication-group lease still valid. */
  private serving(node: number): boolean {
    const agent = this.agents[node] as MembershipAgent;
    return agent.inService && this.nowMs < (this.totalCutSinceMs[node] as number) + this.config.leaseDurationMs;
  }

  private sample(atMs: number): void {
    const nodes = this.agents.length;
    let serving = 0;
    let goodput = 0;
    let confirmed = 0;
    for (let node = 0; node < nodes; node += 1) {
      const agent = this.agents[node] as MembershipAgent;
      const isServing = this.serving(node);
      const isUp = isServing && this.totalCuts[node] === 0;
      if (isServing) serving += 1;
      if (isUp) goodput += 1;
      if (agent.running && agent.lastConfirmedAtMs >= (this.linkRestoredAtMs[node] as number)) confirmed += 1;
      if ((this.nodeUp[node] === 1) !== isUp) this.nodeUpChanged(node, isUp);
    }
    this.rows.push(this.row(atMs, { serving: serving / nodes, goodput: goodput / nodes, confirmed: confirmed / nodes }));
    this.counts = { sent: 0, retries: 0, useful: 0, wasted: 0 };
  }

  private nodeUpChanged(node: number, isUp: boolean): void {
    this.nodeUp[node] = isUp ? 1 : 0;
    const majority = 2;
    for (const group of this.layout.groupsOfNode[node] ?? []) {
      const before = this.groupReplicasUp[group] as number;
      const after = before + (isUp ? 1 : -1);
      this.groupReplicasUp[group] = after;
      if (before >= majority && after < majority) this.groupsAvailable -= 1;
      if (before < majority && after >= majority) this.groupsAvailable += 1;
    }
  }

  private row(atMs: number, shares: { serving: number; goodput: number; confirmed: number }): SecondRow {
    const totals = { offered: 0, admitted: 0, rejected: 0, expiredDropped: 0 };
    let queueDepth = 0;
    let workers = 0;
    this.services.forEach((service, cell) => {
      service.advance(atMs);
      const previous = this.previousCounters[cell] as ServiceCounters;
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += service.counters[key] - previous[key];
      this.previousCounters[cell] = { ...service.counters };
      queueDepth += service.queueDepth;
      workers += service.workers;
      this.flushService(cell);
    });
    let routerMapAgeMaxS = 0;
    for (const router of this.routers) routerMapAgeMaxS = Math.max(routerMapAgeMaxS, (atMs - router.lastRefreshedAtMs) / MS_PER_S);
    const { sent, retries, useful, wasted } = this.counts;
    return {
      second: atMs / MS_PER_S,
      ...shares,
      partitionsAvailable: this.groupsAvailable / this.layout.groupNodes.length,
      ...totals,
      useful,
      wasted,
      queueDepth,
      workers,
      sent,
      retries,
      amplification: sent / Math.max(1, sent - retries),
      routerMapAgeMaxS,
    };
  }
}

/** A wake-up event is current only if it is the one last scheduled; taking it clears the slot. */
function claimWake(wakeAtMs: number[], index: number, atMs: number): boolean {
  if (wakeAtMs[index] !== atMs) return false;
  wakeAtMs[index] = Infinity;
  return true;
}

export function simulate(config: ScenarioConfig): SecondRow[] {
  return new Simulation(config).run();
}
