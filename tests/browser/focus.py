"""In-page JavaScript for the keyboard tests: what has focus, whether it can be
seen, and whether its focus indicator differs from its unfocused look."""

from __future__ import annotations

# Shared helpers, defined once per page as window.__swvFocus.
_HELPERS = r"""
(() => {
  if (window.__swvFocus) return;
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const over = (top, bottom) => {
    const a = top.a + bottom.a * (1 - top.a);
    const mix = (t, b) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
    return {r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a};
  };
  // The colour behind `el`: its own and its ancestors' backgrounds, composed.
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) layers.push(c);
      if (c && c.a >= 1) break;
    }
    let colour = {r: 255, g: 255, b: 255, a: 1};
    for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
    return colour;
  };
  const luminance = (c) => {
    const f = (v) => {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const ratio = (a, b) => {
    const x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  const describe = (el) => {
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim();
    const id = el.id ? '#' + el.id : '';
    const cls = typeof el.className === 'string' && el.className.trim()
      ? '.' + el.className.trim().split(/\s+/).filter(c => c !== 'focus-visible').join('.') : '';
    const href = el.getAttribute('href') ? ` href="${el.getAttribute('href')}"` : '';
    const shown = text.slice(0, 40).replace(/\s+/g, ' ');
    return `<${el.tagName.toLowerCase()}${id}${cls}${href}> "${shown}"`;
  };
  const look = (el) => {
    const cs = getComputedStyle(el);
    return {outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor} ${cs.outlineOffset}`,
            shadow: cs.boxShadow, background: cs.backgroundColor, border: cs.borderColor};
  };
  // Let scripts react to the focus change (Material opens the search on
  // focus), then wait until transitions such as the skip link's slide end.
  const frame = () => new Promise(r => requestAnimationFrame(() => r()));
  const settle = async () => {
    const until = performance.now() + 1500;
    await frame(); await frame();
    while (performance.now() < until) {
      const running = document.getAnimations().filter(a => a.playState === 'running');
      if (!running.length) break;
      await Promise.race([Promise.all(running.map(a => a.finished.catch(() => null))),
                          new Promise(r => setTimeout(r, until - performance.now()))]);
      await frame();
    }
  };
  window.__swvFocus = {background, ratio, describe, look, settle, parse, over, previous: null};
})();
"""

# Returns a description of document.activeElement and, for the element that
# had focus before, how it looks now that it lost focus.
FOCUS_STEP = r"""
async () => {
""" + _HELPERS + r"""
  const F = window.__swvFocus;
  await F.settle();
  const el = document.activeElement;
  const result = {previous: null};
  if (F.previous && F.previous.el !== el && F.previous.el.isConnected) {
    const now = F.look(F.previous.el);
    const was = F.previous.look;
    result.previous = {
      element: F.previous.description,
      changed: now.outline !== was.outline || now.shadow !== was.shadow
               || now.background !== was.background,
      focused: was, unfocused: now,
    };
  }
  if (!el || el === document.body || el === document.documentElement) {
    F.previous = null;
    return {...result, element: null};
  }
  const cs = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  let opacity = 1, hidden = false;
  for (let e = el; e; e = e.parentElement) {
    const s = getComputedStyle(e);
    opacity *= Number(s.opacity);
    if (s.display === 'none') hidden = true;
  }
  if (cs.visibility !== 'visible') hidden = true;
  const inViewport = rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0
    && rect.top < innerHeight && rect.left < innerWidth;
  // Not covered by something else, such as the sticky header (WCAG 2.4.11).
  // Links may wrap over two lines: look at the middle of the first line box.
  let covered = null;
  if (inViewport) {
    const box = el.getClientRects()[0] || rect;
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    if (hit && hit !== el && !el.contains(hit) && hit.control !== el
        && !(el.labels && [...el.labels].includes(hit))) {
      covered = F.describe(hit);
    }
  }
  const outlineWidth = cs.outlineStyle === 'none' ? 0 : parseFloat(cs.outlineWidth);
  const outlineColour = F.parse(cs.outlineColor);
  // The ring is drawn outside the element (offset >= 0) or inside it.
  // What the ring is seen against. An inset ring (negative offset): the
  // element itself. Otherwise what is painted just outside the ring, which for
  // a positioned element (the skip link) need not be an ancestor; or a halo
  // the element draws around its ring with a box-shadow.
  const offset = parseFloat(cs.outlineOffset);
  let behind;
  const halo = cs.boxShadow.match(/^(rgba?\([^)]*\)) 0px 0px 0px ([\d.]+)px$/);
  if (offset < 0) {
    behind = F.background(el);
  } else if (halo && parseFloat(halo[2]) > offset + outlineWidth) {
    behind = F.over(F.parse(halo[1]), F.background(el.parentElement || el));
  } else {
    const box = el.getClientRects()[0] || rect;
    const y = box.top - offset - outlineWidth - 1;
    const x = box.left + Math.min(box.width / 2, 10);
    const outside = y >= 0 && x >= 0 && x < innerWidth
      ? document.elementsFromPoint(x, y).find(e => e !== el && !el.contains(e)) : null;
    behind = F.background(outside || el.parentElement || el);
  }
  const outlineContrast = outlineWidth && outlineColour && outlineColour.a > 0
    ? F.ratio(F.over(outlineColour, behind), behind) : 0;
  const look = F.look(el);
  const description = F.describe(el);
  F.previous = {el, look, description};
  return {
    ...result,
    element: description,
    inArticle: !!el.closest('article'),
    inMain: !!el.closest('main'),
    visible: !hidden && inViewport && opacity > 0.5,
    opacity, covered,
    outlineStyle: cs.outlineStyle, outlineWidth, outlineContrast,
    look,
  };
}
"""

RESET = "() => { if (window.__swvFocus) window.__swvFocus.previous = null; }"
