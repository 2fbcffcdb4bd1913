/**
 * The network explorer's picture read the way a person reads it, in Debian's Chromium against the real
 * server (demo world): drawn labels never overlap, no two branches read the same, shared-gap edges wait until
 * asked, a big organization stays aggregated, the mastery colours span the values on screen with the legend
 * stating the same ends, the legend's shapes are the canvas's, and on a phone the labels are readable.
 * Geometry comes from cytoscape itself (window.cy, opened with ?debug): the label boxes it draws.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickNode, open, signInAs, snap, waitForNetwork } from './pages';
import type { TestServer } from './server';
import { pollWithin, useBrowserSuite } from './suite';

const poll = pollWithin(30_000, 100);

let server: TestServer;
let page: Page;

useBrowserSuite((s) => {
  ({ server, page } = s);
});

/** Pairs of drawn labels whose boxes (as cytoscape draws them) overlap, and repeated branch labels. */
async function readability(p: Page): Promise<{ drawn: number; overlaps: number; repeatedBranchLabels: string[]; nodes: number }> {
  // The picture as it rests: nothing under the pointer, nothing selected (those labels are drawn on top by design).
  await p.mouse.move(1, 1);
  return p.evaluate(() => {
    const cy = window.cy!;
    cy.elements(':selected').unselect();
    cy.nodes('.hover').removeClass('hover');
    const drawn = cy.nodes().filter((n) => !n.isParent() && String(n.style('label')) !== '');
    const boxes = drawn.map((n) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.w > 0 && b.w > 0 && a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
      }
    }
    const labels = cy.nodes('[kind = "branch"]').map((n) => String(n.data('label')));
    const repeatedBranchLabels = labels.filter((l, i) => labels.indexOf(l) !== i);
    return { drawn: drawn.length, overlaps, repeatedBranchLabels, nodes: cy.nodes().length };
  });
}

describe('network picture', () => {
  it('opens readable for a university administrator and stays aggregated as committees open', async () => {
    await signInAs(page, server.url, 'UNIVERSITY_ADMIN');
    await open(page, server.url, '/network');
    await waitForNetwork(page, 'committee', 2);
    const committees = await page.evaluate(() => window.cy!.nodes('[kind = "committee"]').map((n) => n.id()));
    // A collapsed committee is one node with its count.
    expect(await page.evaluate((id) => String(window.cy!.getElementById(id).data('label')), committees[0]!)).toMatch(/个支部/);
    for (const c of committees) {
      await clickNode(page, c);
      await poll(() => page.evaluate((id) => window.cy!.getElementById(id).hasClass('expanded'), c)).toBe(true);
    }
    // Every committee has been opened once; the picture is still bounded (others folded back past the limit).
    // Measured once the last expansion's members and labels have settled.
    await poll(async () => (await readability(page)).overlaps).toBe(0);
    const r = await readability(page);
    expect(r.nodes).toBeLessThanOrEqual(160);
    expect(r.overlaps).toBe(0);
    expect(r.drawn).toBeGreaterThan(3);
    expect(r.repeatedBranchLabels).toEqual([]);
    expect(await page.evaluate(() => window.cy!.edges('[kind = "gap"]').length)).toBe(0);
    await snap(page, 'network-university-aggregated');
  });

  it('expands a branch without overlapping labels, adds shared-gap edges only when asked, and fits the colour ramp to the data', async () => {
    await signInAs(page, server.url, 'SECRETARY');
    await open(page, server.url, '/network');
    await waitForNetwork(page, 'member', 5);
    // Members' figures arrive after the first picture: measure once it has settled.
    await poll(async () => (await readability(page)).overlaps).toBe(0);
    expect(await page.evaluate(() => window.cy!.edges('[kind = "gap"]').length)).toBe(0);
    await page.getByLabel('显示共同短板').check();
    await poll(() => page.evaluate(() => window.cy!.edges('[kind = "gap"]').length)).toBeGreaterThan(0);
    await page.getByLabel('显示共同短板').uncheck();
    await poll(() => page.evaluate(() => window.cy!.edges('[kind = "gap"]').length)).toBe(0);

    await page.locator('#net-style').selectOption('mastery');
    const ramp = page.getByTestId('legend-ramp');
    await poll(() => ramp.getAttribute('data-low')).not.toBe('');
    const colours = await page.evaluate(() => {
      const ms = window.cy!.nodes('[kind = "member"][mastery >= 0]');
      const values = ms.map((n) => Number(n.data('mastery')));
      return { lo: Math.min(...values), hi: Math.max(...values), distinct: new Set(ms.map((n) => String(n.style('background-color')))).size, n: ms.length };
    });
    const low = Number(await ramp.getAttribute('data-low'));
    const high = Number(await ramp.getAttribute('data-high'));
    // The legend's ends are the values on screen (rounded to a percent, at least 10 points apart).
    expect(low).toBeLessThanOrEqual(colours.lo + 0.005);
    expect(high).toBeGreaterThanOrEqual(colours.hi - 0.005);
    expect(high - low).toBeLessThanOrEqual(Math.max(0.1, colours.hi - colours.lo) + 0.011);
    if (colours.hi - colours.lo > 0.05) expect(colours.distinct).toBeGreaterThan(2);
    expect(colours.n).toBeGreaterThan(1);
  });

  it('draws in the legend the shapes it draws on the canvas', async () => {
    const pairs = await page.evaluate(() => {
      const cy = window.cy!;
      const kinds = [...new Set(cy.nodes().map((n) => String(n.data('kind'))))].filter((k) => k !== 'member' && k !== 'more' && k !== 'group');
      return kinds.map((k) => {
        const svg = document.querySelector(`[data-testid="legend-${k}"]`);
        return { kind: k, canvas: String(cy.nodes(`[kind = "${k}"]`).first().style('shape')), legend: svg?.getAttribute('data-shape') ?? null };
      });
    });
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) expect(p.legend, p.kind).toBe(p.canvas);
  });

  it('keeps labels readable on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await open(page, server.url, '/network');
      await page.reload();
      await waitForNetwork(page, 'member', 5);
      await poll(() => page.evaluate(() => window.cy!.nodes('.labelled').length)).toBeGreaterThan(0);
      const smallest = await page.evaluate(() => {
        const cy = window.cy!;
        return Math.min(...cy.nodes('.labelled').map((n) => parseFloat(String(n.style('font-size'))) * cy.zoom()));
      });
      // Drawn at 9 px or more on screen (cytoscape's font size is in model units, scaled by zoom).
      expect(smallest).toBeGreaterThanOrEqual(9);
      expect((await readability(page)).overlaps).toBe(0);
      await snap(page, 'network-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe('a large network picture', () => {
  it('draws 2,000 nodes with its legend, readable heads, and the held-back edges behind visible controls', async () => {
    await open(page, server.url, '/bench/network?nodes=2000');
    await page.waitForFunction(() => window.__networkBench !== undefined && window.cy !== undefined, null, { timeout: 120_000 });
    const first = await page.evaluate(() => ({
      bench: window.__networkBench!,
      nodes: window.cy!.nodes().length,
      gaps: window.cy!.edges('[kind = "gap"]').length,
      memberEdges: window.cy!.edges('[kind = "under"]').filter((e) => e.target().data('kind') === 'member').length,
    }));
    expect(first.nodes).toBe(2000);
    expect(first.gaps).toBe(0);
    expect(first.memberEdges).toBe(0);

    // The legend names every stage colour and draws each kind's shape as the canvas draws it.
    const legend = page.getByTestId('network-legend');
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.textContent()).toContain('正式党员');
    const shapes = await page.evaluate(() =>
      ['university', 'committee', 'branch', 'topic'].map((k) => ({
        kind: k,
        canvas: String(window.cy!.nodes(`[kind = "${k}"]`).first().style('shape')),
        legend: document.querySelector(`[data-testid="legend-${k}"]`)?.getAttribute('data-shape') ?? null,
      })),
    );
    for (const s of shapes) expect(s.legend, s.kind).toBe(s.canvas);

    // The university and every committee are labelled, at 9 px or more on screen at the fitted zoom.
    const heads = await page.evaluate(() => {
      const cy = window.cy!;
      return cy
        .nodes('[kind = "university"], [kind = "committee"]')
        .map((n) => ({ id: n.id(), drawn: String(n.style('label')) !== '', px: parseFloat(String(n.style('font-size'))) * cy.zoom() }));
    });
    expect(heads.length).toBeGreaterThan(2);
    for (const h of heads) {
      expect(h.drawn, h.id).toBe(true);
      expect(h.px, h.id).toBeGreaterThanOrEqual(9);
    }

    // Each control says how many edges wait; showing them adds exactly those, and no node moves.
    const waiting = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-count'));
    const gapsWaiting = await waiting('hidden-gap-edges');
    const membersWaiting = await waiting('hidden-member-edges');
    expect(gapsWaiting).toBeGreaterThan(1000);
    expect(membersWaiting).toBeGreaterThan(1000);
    expect(gapsWaiting + membersWaiting).toBe(first.bench.hiddenEdges);
    expect(await page.getByTestId('hidden-gap-edges').textContent()).toContain(gapsWaiting.toLocaleString('zh-CN'));
    const gapControl = page.getByLabel('显示共同短板');
    const memberControl = page.getByLabel('显示成员连线');
    for (const c of [gapControl, memberControl]) {
      expect(await c.isVisible()).toBe(true);
      expect(await c.isChecked()).toBe(false);
    }
    const positions = () => page.evaluate(() => window.cy!.nodes().map((n) => `${n.id()}@${n.position().x.toFixed(1)},${n.position().y.toFixed(1)}`));
    const before = await positions();
    await gapControl.check();
    await poll(() => page.evaluate(() => window.cy!.edges('[kind = "gap"]').length)).toBe(gapsWaiting);
    await memberControl.check();
    await poll(() => page.evaluate(() => window.cy!.edges().length)).toBe(first.bench.edges + first.bench.hiddenEdges);
    expect(await positions()).toEqual(before);
    await snap(page, 'network-2000-all-edges');
    await gapControl.uncheck();
    await memberControl.uncheck();
    await poll(() => page.evaluate(() => window.cy!.edges().length)).toBe(first.bench.edges);
  });
});
