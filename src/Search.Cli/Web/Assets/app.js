// The page of `search serve`: plain DOM, no framework, no build step. Every value from the index
// reaches the page through textContent or createTextNode, never innerHTML: an article titled
// <img src=x onerror=...> shows as those characters. Highlights come as <mark>…</mark> in the API's
// strings and are turned into <mark> elements by splitting, not by parsing HTML (a "<mark>" the
// article itself holds comes neutralised, with an invisible WORD JOINER after its "<").
"use strict";

(() => {
  const PAGE_SIZE = 10;
  const SIDE_FACETS = ["source", "section", "author", "place", "tags", "links", "language"];
  const DATE_DIMS = ["year", "month"];
  const MAX_MONTH_BARS = 48;

  const $ = (id) => document.getElementById(id);
  const form = $("search-form"), input = $("q"), sortSelect = $("sort"), queryError = $("q-error");
  const facetsBox = $("facets"), messages = $("messages"), chips = $("chips"), timeline = $("timeline");
  const listing = $("listing"), summary = $("summary"), results = $("results"), pager = $("pager"), articleBox = $("article");

  // ---- state <-> URL -------------------------------------------------------------------------

  /** The page's state, all of it in the URL: q, filter (repeated DIM=VALUE), range (FROM..TO), sort, page, article, file. */
  function readState() {
    const p = new URLSearchParams(location.search);
    const page = parseInt(p.get("page") || "1", 10);
    return {
      q: p.get("q") || "",
      filters: p.getAll("filter").filter((f) => f.indexOf("=") > 0),
      range: p.get("range") || "",
      sort: ["relevance", "newest", "oldest"].includes(p.get("sort")) ? p.get("sort") : "relevance",
      page: Number.isFinite(page) && page > 0 ? page : 1,
      article: p.get("article") || "",
      file: p.get("file") || "",
    };
  }

  function urlOf(s) {
    const p = new URLSearchParams();
    if (s.q) p.set("q", s.q);
    for (const f of s.filters) p.append("filter", f);
    if (s.range) p.set("range", s.range);
    if (s.sort && s.sort !== "relevance") p.set("sort", s.sort);
    if (s.page > 1) p.set("page", String(s.page));
    if (s.article) p.set("article", s.article);
    if (s.file) p.set("file", s.file);
    const qs = p.toString();
    return qs ? "/?" + qs : "/";
  }

  // The control to focus once the next state is drawn: ticking a facet, picking a bar or removing a
  // chip draws the page anew, and a keyboard user's focus would fall back to the top of the page.
  let focusAfter = null;

  /** Focus the drawn control with <key> (data-focus-key), else the first of <fallbacks> found. */
  function restoreFocus() {
    const want = focusAfter;
    focusAfter = null;
    if (!want) return;
    const target = [...document.querySelectorAll("[data-focus-key]")].find((e) => e.getAttribute("data-focus-key") === want.key)
      || want.fallbacks.map((f) => document.querySelector(f)).find(Boolean);
    if (target) target.focus();
  }

  /** A new state in the history (the back button returns to the previous one), then shown. */
  function go(changes) {
    const next = Object.assign(readState(), changes);
    history.pushState(null, "", urlOf(next));
    show();
  }

  // ---- small DOM helpers -----------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }

  /** Text with <mark>…</mark> as a fragment of text nodes and <mark> elements; nothing else is markup. */
  function marked(text) {
    const frag = document.createDocumentFragment();
    let inMark = false;
    for (const part of String(text || "").split(/(<mark>|<\/mark>)/)) {
      if (part === "<mark>") { inMark = true; continue; }
      if (part === "</mark>") { inMark = false; continue; }
      if (!part) continue;
      frag.append(inMark ? el("mark", {}, part) : document.createTextNode(part));
    }
    return frag;
  }

  /** Only http(s) URLs become links: a javascript: URL in an article's metadata stays text. */
  function safeHref(url) {
    try {
      const u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch { return null; }
  }

  /** A link to another state of this page that the page follows itself (history, no reload). */
  function stateLink(text, changes, attrs) {
    const target = Object.assign(readState(), changes);
    return el("a", Object.assign({ href: urlOf(target), onclick: (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      go(changes);
    } }, attrs || {}), text);
  }

  const fmt = (n) => Number(n).toLocaleString("en");

  // ---- API -------------------------------------------------------------------------------------

  class ApiFailure extends Error {
    constructor(status, body) { super(body && body.error ? body.error : "the server answered " + status); this.status = status; this.body = body || {}; }
  }

  async function api(path, params) {
    const url = params ? path + "?" + params.toString() : path;
    let response;
    try { response = await fetch(url, { headers: { Accept: "application/json" } }); }
    catch { throw new ApiFailure(0, { error: "the server cannot be reached (is `search serve` still running?)" }); }
    let body = null;
    try { body = await response.json(); } catch { /* not JSON */ }
    if (!response.ok) throw new ApiFailure(response.status, body);
    return body;
  }

  // ---- the timeline range --------------------------------------------------------------------

  /** "2019-03..2019-08" or "2019..2021" → {dim, from, to}; null when malformed. */
  function parseRange(range) {
    const m = /^(\d{4}(?:-\d{2})?)\.\.(\d{4}(?:-\d{2})?)$/.exec(range || "");
    if (!m || m[1].length !== m[2].length) return null;
    const [from, to] = m[1] <= m[2] ? [m[1], m[2]] : [m[2], m[1]];
    return { dim: from.length === 4 ? "year" : "month", from, to };
  }

  function rangeLabel(r) { return r.from === r.to ? r.from : r.from + " – " + r.to; }

  /** The filters a range stands for: the values of its dimension inside it that articles have. */
  function rangeFilters(r, known) {
    const values = (known || []).filter((v) => v >= r.from && v <= r.to);
    return (values.length ? values : [r.from]).map((v) => r.dim + "=" + v);
  }

  // ---- searching -----------------------------------------------------------------------------

  let generation = 0; // answers to an older state are dropped
  // The timeline's counts, kept a moment so paging and picking dates do not ask again; not longer,
  // since a build beside the server changes them (and a range stands for the months it had).
  const timelineCache = new Map();
  const TIMELINE_FRESH_MS = 2000;

  function searchParams(s, extra) {
    const p = new URLSearchParams();
    p.set("q", s.q);
    for (const f of s.filters) p.append("filter", f);
    if (s.sort !== "relevance") p.set("sort", s.sort);
    for (const [k, v] of Object.entries(extra || {})) {
      if (Array.isArray(v)) v.forEach((x) => p.append(k, x)); else p.set(k, v);
    }
    return p;
  }

  /** Counts per year and month for the query and its filters, without the range (so the whole
   *  distribution stays visible and the range shows as a selection). */
  async function timelineData(s) {
    const p = searchParams(Object.assign({}, s, { sort: "relevance" }), { facet: DATE_DIMS, limit: "0", facet_limit: "10000" });
    const key = p.toString(), now = Date.now();
    for (const [k, v] of timelineCache) if (now - v.at > TIMELINE_FRESH_MS) timelineCache.delete(k);
    if (!timelineCache.has(key)) timelineCache.set(key, { at: now, answer: api("/api/search", p) });
    const entry = timelineCache.get(key);
    try { return await entry.answer; }
    catch (e) { if (timelineCache.get(key) === entry) timelineCache.delete(key); throw e; }
  }

  async function show() {
    const s = readState();
    const mine = ++generation;
    input.value = s.q;
    sortSelect.value = s.sort;
    document.title = (s.q ? s.q + " – " : "") + "Search the archive";
    if (s.article) return showArticle(s, mine);
    articleBox.hidden = true;
    listing.hidden = false;
    clearQueryError();
    const range = parseRange(s.range);
    try {
      const dates = await timelineData(s);
      if (mine !== generation) return;
      const months = (dates.facets && dates.facets.month || []).map((v) => v.value);
      const years = (dates.facets && dates.facets.year || []).map((v) => v.value);
      const filters = s.filters.slice();
      if (range) filters.push(...rangeFilters(range, range.dim === "month" ? months : years));
      const params = searchParams(Object.assign({}, s, { filters }), {
        // Pages stop at hit 10,000 (the API's largest offset; past it the answer says so).
        offset: String(Math.min((s.page - 1) * PAGE_SIZE, 10000)), limit: String(PAGE_SIZE), facet: SIDE_FACETS,
      });
      const result = await api("/api/search", params);
      if (mine !== generation) return;
      renderMessages(s, result);
      renderChips(s, range);
      renderTimeline(s, range, dates);
      renderFacets(s, result, filters);
      renderResults(s, result);
      restoreFocus();
    } catch (e) {
      if (mine !== generation) return;
      showFailure(s, e);
      restoreFocus();
    }
  }

  function showFailure(s, e) {
    results.replaceChildren();
    pager.replaceChildren();
    summary.textContent = "";
    timeline.hidden = true;
    // The facets of the last answer are no counts for this query.
    facetsBox.replaceChildren();
    renderChips(s, parseRange(s.range));
    if (e instanceof ApiFailure && e.status === 400 && e.body.position) {
      showQueryError(s.q, e.message, e.body.position);
      messages.replaceChildren();
    } else {
      messages.replaceChildren(el("p", { class: "message error", role: "alert" }, e.message));
    }
  }

  function clearQueryError() {
    queryError.hidden = true;
    queryError.replaceChildren();
    input.removeAttribute("aria-invalid");
  }

  /** The parse error with the query shown and the character at its position marked. The API
   *  counts positions in characters as seen (an emoji or a flag is one), as the console does. */
  function showQueryError(q, message, position) {
    const chars = typeof Intl !== "undefined" && Intl.Segmenter
      ? Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(q), (g) => g.segment)
      : Array.from(q);
    const i = Math.max(0, Math.min(chars.length, position - 1));
    const pre = el("pre", {}, chars.slice(0, i).join(""), el("span", { class: "at" }, chars[i] || " "), chars.slice(i + 1).join(""));
    queryError.replaceChildren(el("span", {}, "Cannot read the query: " + message + (/position \d/.test(message) ? "" : " (at position " + position + ")")), pre);
    queryError.hidden = false;
    input.setAttribute("aria-invalid", "true");
  }

  function renderMessages(s, r) {
    const out = [];
    if (r.suggestion) {
      out.push(el("p", { class: "message" }, "Did you mean ",
        el("button", { type: "button", class: "linkish", onclick: () => go({ q: r.suggestion, page: 1 }) }, r.suggestion), "?"));
    }
    if (r.any_words) out.push(el("p", { class: "message" }, "No article has all of these words: showing articles with any of them, best first."));
    if (r.notice) out.push(el("p", { class: "message" }, r.notice));
    for (const n of r.notes || []) out.push(el("p", { class: "message" }, n));
    messages.replaceChildren(...out);
  }

  function renderChips(s, range) {
    const out = s.filters.map((f) => {
      const i = f.indexOf("=");
      const label = f.slice(0, i) + ": " + f.slice(i + 1);
      return el("button", { type: "button", class: "chip", "aria-label": "Remove filter " + label,
        "data-focus-key": "chip\u0000" + f,
        onclick: (e) => {
          // The chip goes: the next one takes the focus, or the box of its dimension's values.
          const next = e.currentTarget.nextElementSibling;
          focusAfter = { key: next ? next.getAttribute("data-focus-key") : "", fallbacks: ["#facets input[type=checkbox]", "#q"] };
          go({ filters: s.filters.filter((x) => x !== f), page: 1 });
        } }, label, el("span", { "aria-hidden": "true" }, "×"));
    });
    if (range) {
      const label = "date: " + rangeLabel(range);
      out.push(el("button", { type: "button", class: "chip", "aria-label": "Remove filter " + label,
        "data-focus-key": "chip\u0000range",
        onclick: () => { focusAfter = { key: "", fallbacks: ["#timeline .bar", "#q"] }; go({ range: "", page: 1 }); } }, label, el("span", { "aria-hidden": "true" }, "×")));
    }
    chips.replaceChildren(...out);
  }

  // ---- facets --------------------------------------------------------------------------------

  /** The side facets; <effective> are the filters the answer used (the URL's plus the date range),
   *  so "Show more" counts what the list above it counts. */
  function renderFacets(s, r, effective) {
    const boxes = [];
    for (const dim of SIDE_FACETS) {
      const values = (r.facets || {})[dim] || [];
      if (!values.length) continue;
      const other = (r.facet_other || {})[dim] || { values: 0 };
      const set = el("fieldset", { "data-dim": dim }, el("legend", {}, dim));
      const list = el("div", {});
      for (const v of values) list.append(facetValue(s, dim, v, values));
      set.append(list);
      if (other.values > 0) {
        set.append(el("button", { type: "button", class: "more", onclick: async (e) => {
          e.target.disabled = true;
          try {
            // All of them (the API's most is 10,000): the button promised that many more.
            const all = Math.min(10000, values.length + other.values);
            const more = await api("/api/facets/" + encodeURIComponent(dim), searchParams(Object.assign({}, s, { filters: effective }), { limit: String(all) }));
            list.replaceChildren(...more.values.map((v) => facetValue(s, dim, v, more.values)));
            e.target.remove();
          } catch (err) { e.target.textContent = err.message; }
        } }, "Show " + fmt(other.values) + " more"));
      }
      boxes.push(set);
    }
    facetsBox.replaceChildren(...(boxes.length ? [el("h2", { class: "visually-hidden" }, "Filters"), ...boxes] : []));
  }

  let facetIds = 0;
  function facetValue(s, dim, v, listed) {
    const f = dim + "=" + v.value;
    const id = "facet-" + (++facetIds);
    const checked = s.filters.includes(f) || v.selected;
    const box = el("input", { type: "checkbox", id, checked, "data-focus-key": "facet\u0000" + f, onchange: () => {
      focusAfter = { key: "facet\u0000" + f, fallbacks: ["fieldset[data-dim=" + dim + "] input", "#q"] };
      let others = s.filters.filter((x) => x !== f);
      if (checked && others.length === s.filters.length) {
        // Selected through a value as typed (place=uk shown as United Kingdom): drop the filters
        // of this dimension that name no listed value.
        const names = new Set(listed.map((x) => dim + "=" + x.value));
        others = others.filter((x) => !x.startsWith(dim + "=") || names.has(x));
      }
      go({ filters: checked ? others : others.concat([f]), page: 1 });
    } });
    return el("div", { class: "facet-value" }, box, el("label", { for: id }, v.value), el("span", { class: "count", "aria-label": fmt(v.count) + " matching" }, fmt(v.count)));
  }

  // ---- timeline ------------------------------------------------------------------------------

  function renderTimeline(s, range, dates) {
    const months = (dates.facets && dates.facets.month) || [];
    const years = (dates.facets && dates.facets.year) || [];
    // Months while the matches span at most 48 of them (gaps included: bars are drawn for the
    // empty months between), else years.
    const useMonths = months.length > 0 && monthSpan(months) <= MAX_MONTH_BARS;
    const dim = useMonths ? "month" : "year";
    const values = fillGaps(useMonths ? months : years, dim);
    if (values.length === 0) { timeline.hidden = true; timeline.replaceChildren(); return; }
    const max = Math.max(1, ...values.map((v) => v.count));
    const unit = dates.collapsed ? "stories" : "articles";
    const inRange = (v) => range && (range.dim === dim ? v >= range.from && v <= range.to
      : dim === "month" ? v.slice(0, 4) >= range.from && v.slice(0, 4) <= range.to
      : v >= range.from.slice(0, 4) && v <= range.to.slice(0, 4));
    const bars = el("div", { class: "bars", role: "group", "aria-label": unit + " per " + dim + "; click a bar or drag across bars to filter, shift-click to extend" });
    let anchor = null, dragging = false;
    const barButtons = values.map((v, i) => {
      const b = el("button", { type: "button", class: "bar" + (v.count === 0 ? " zero" : "") + (inRange(v.value) ? " on" : ""),
        "data-value": v.value, "data-focus-key": "bar\u0000" + v.value, "aria-pressed": inRange(v.value) ? "true" : "false",
        "aria-label": v.value + ": " + fmt(v.count) + " " + unit, title: v.value + ": " + fmt(v.count) + " " + unit },
        el("span", { class: "fill" }));
      b.firstChild.style.height = Math.max(v.count ? 2 : 1, Math.round(100 * v.count / max)) + "%";
      b.addEventListener("pointerdown", (e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        // A finger's pointer is captured by the bar it touched first: released, so the bars it
        // moves over see it (pointerenter) and the one it lifts from ends the range (pointerup).
        if (e.target.hasPointerCapture(e.pointerId)) e.target.releasePointerCapture(e.pointerId);
        anchor = e.shiftKey && range && range.dim === dim ? values.findIndex((x) => x.value === range.from) : i;
        dragging = true;
        preview(anchor, i);
      });
      b.addEventListener("pointerenter", () => { if (dragging) preview(anchor, i); });
      b.addEventListener("click", (e) => {
        // Keyboard activation (pointer clicks are handled on pointerup).
        if (e.detail !== 0) return;
        const from = e.shiftKey && range && range.dim === dim ? range.from : v.value;
        choose(from, v.value);
      });
      return b;
    });
    const preview = (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      barButtons.forEach((x, j) => x.classList.toggle("preview", j >= lo && j <= hi));
    };
    const choose = (a, b) => {
      focusAfter = { key: "bar\u0000" + b, fallbacks: ["#timeline .bar", "#q"] };
      go({ range: a === b ? a + ".." + a : (a < b ? a + ".." + b : b + ".." + a), page: 1 });
    };
    bars.addEventListener("pointerup", (e) => {
      if (!dragging) return;
      dragging = false;
      const target = e.target.closest ? e.target.closest(".bar") : null;
      const j = target ? barButtons.indexOf(target) : anchor;
      choose(values[anchor].value, values[j < 0 ? anchor : j].value);
    });
    bars.addEventListener("pointerleave", () => { if (dragging) { dragging = false; preview(-1, -2); } });
    bars.append(...barButtons);
    const heading = el("h2", { id: "timeline-heading" }, "Matching " + unit + " per " + dim);
    if (range) heading.append(el("button", { type: "button", class: "linkish", onclick: () => go({ range: "", page: 1 }) }, "clear dates"));
    timeline.replaceChildren(heading, bars, axis(values, dim));
    timeline.hidden = false;
  }

  /** Labels under the bars: each year's first month (or every few years), never crowded. */
  function axis(values, dim) {
    const box = el("div", { class: "axis", "aria-hidden": "true" });
    const step = Math.max(1, Math.ceil(values.length / 10));
    let lastAt = -Infinity;
    values.forEach((v, i) => {
      const label = dim === "month" ? (v.value.endsWith("-01") || i === 0 ? v.value.slice(0, 4) : null) : (i % step === 0 ? v.value : null);
      if (!label) return;
      const at = (100 * (i + 0.5)) / values.length;
      if (at - lastAt < 6) return;
      lastAt = at;
      const span = el("span", {}, label);
      span.style.left = at + "%";
      box.append(span);
    });
    return box;
  }

  /** Months from the first to the last of <values> (yyyy-MM), both counted. */
  function monthSpan(values) {
    const index = (v) => parseInt(v.value.slice(0, 4), 10) * 12 + parseInt(v.value.slice(5, 7), 10);
    const known = values.filter((v) => /^\d{4}-\d{2}$/.test(v.value)).map(index);
    return known.length ? Math.max(...known) - Math.min(...known) + 1 : 0;
  }

  /** The bars in time order with the empty months or years between them, so gaps show as gaps. */
  function fillGaps(values, dim) {
    const known = values.filter((v) => /^\d{4}(-\d{2})?$/.test(v.value)).sort((a, b) => (a.value < b.value ? -1 : 1));
    if (known.length === 0) return [];
    const counts = new Map(known.map((v) => [v.value, v.count]));
    const out = [];
    let cur = known[0].value;
    const last = known[known.length - 1].value;
    for (let guard = 0; cur <= last && guard < 2000; guard++) {
      out.push({ value: cur, count: counts.get(cur) || 0 });
      if (dim === "year") cur = String(parseInt(cur, 10) + 1).padStart(4, "0");
      else {
        let y = parseInt(cur.slice(0, 4), 10), m = parseInt(cur.slice(5), 10) + 1;
        if (m > 12) { m = 1; y++; }
        cur = String(y).padStart(4, "0") + "-" + String(m).padStart(2, "0");
      }
    }
    return out;
  }

  // ---- results -------------------------------------------------------------------------------

  function renderResults(s, r) {
    const first = r.offset + 1, last = r.offset + r.hits.length;
    const unit = r.collapsed ? "stories" : "articles";
    summary.textContent = r.total === 0 ? "Nothing found."
      : fmt(r.total) + " " + (r.total === 1 ? unit.replace(/ies$/, "y").replace(/s$/, "") : unit)
        + (r.collapsed && r.articles !== r.total ? " (" + fmt(r.articles) + " articles with copies)" : "")
        + (r.hits.length ? ", showing " + fmt(first) + "–" + fmt(last) : "")
        + " · " + r.took_ms + " ms";
    results.replaceChildren(...r.hits.map((h) => hitItem(s, h)));
    renderPager(s, r);
  }

  function meta(a) {
    const parts = [];
    if (a.source) parts.push(el("span", { class: "source" }, a.source));
    if (a.author) parts.push(el("span", { class: "author" }, a.author));
    if (a.published) parts.push(el("span", {}, el("time", { datetime: a.published }, a.published)));
    if (a.section) parts.push(el("span", {}, a.section));
    return el("p", { class: "meta" }, ...parts);
  }

  function hitItem(s, h) {
    const li = el("li", { class: "hit" },
      el("h3", {}, stateLink(h.title || "(untitled)", { article: h.id, file: "" }, { class: "title" })),
      meta(h),
      el("p", { class: "snippet" }, marked(h.snippet)));
    if (h.copies > 1) {
      const n = h.copies - 1;
      const holder = el("div", { class: "copies" });
      const button = el("button", { type: "button", class: "linkish", "aria-expanded": "false" },
        "+" + n + (n === 1 ? " copy" : " copies") + (h.copy_sources && h.copy_sources.length ? " (" + h.copy_sources.join(", ") + ")" : ""));
      button.addEventListener("click", async () => {
        const open = button.getAttribute("aria-expanded") === "true";
        button.setAttribute("aria-expanded", open ? "false" : "true");
        if (open) { holder.querySelector("ul")?.remove(); return; }
        try {
          const c = await api("/api/articles/" + encodeURIComponent(h.id) + "/copies");
          holder.append(el("ul", {}, ...c.copies.map((m) => el("li", {},
            stateLink(m.title || m.id, { article: m.id, file: "" }), " ", el("span", { class: "meta" }, [m.source, m.published].filter(Boolean).join(" · "))))));
        } catch (e) { holder.append(el("ul", {}, el("li", {}, e.message))); }
      });
      holder.append(button);
      li.append(holder);
    }
    return li;
  }

  function renderPager(s, r) {
    const pages = Math.ceil(Math.min(r.total, 10000) / PAGE_SIZE);
    if (pages <= 1 && s.page <= 1) { pager.replaceChildren(); return; }
    const out = [];
    // A page past the last (a shared link, a build that removed articles) steps back to the last.
    const at = Math.max(1, Math.min(s.page, pages));
    if (s.page > 1) out.push(stateLink("‹ Previous", { page: Math.max(1, Math.min(s.page - 1, pages)) }, { rel: "prev" }));
    const lo = Math.max(1, at - 3), hi = Math.min(pages, at + 3);
    for (let p = lo; p <= hi; p++)
      out.push(p === s.page ? el("span", { "aria-current": "page" }, String(p)) : stateLink(String(p), { page: p }, { "aria-label": "Page " + p }));
    if (s.page < pages) out.push(stateLink("Next ›", { page: s.page + 1 }, { rel: "next" }));
    pager.replaceChildren(...out);
  }

  // ---- the article view ----------------------------------------------------------------------

  async function showArticle(s, mine) {
    listing.hidden = true;
    timeline.hidden = true;
    facetsBox.replaceChildren();
    messages.replaceChildren();
    chips.replaceChildren();
    clearQueryError();
    articleBox.hidden = false;
    articleBox.replaceChildren(el("p", {}, "Loading…"));
    const id = encodeURIComponent(s.article);
    const fileParam = s.file ? new URLSearchParams({ file: s.file }) : null;
    try {
      const a = await api("/api/articles/" + id, fileParam);
      const hp = new URLSearchParams({ q: s.q });
      if (s.file) hp.set("file", s.file);
      const lit = s.q ? await api("/api/articles/" + id + "/highlighted", hp).catch(() => null) : null;
      if (mine !== generation) return;
      const back = stateLink("← Back to results", { article: "", file: "" }, { class: "back" });
      const rows = [];
      const row = (name, value) => { if (value !== null && value !== undefined && value !== "" && !(Array.isArray(value) && !value.length)) rows.push(el("dt", {}, name), el("dd", {}, value)); };
      row("Source", a.source);
      row("Author", a.author);
      row("Published", a.published);
      row("Section", a.section);
      row("Language", a.language);
      const href = a.url && safeHref(a.url);
      row("URL", a.url ? (href ? el("a", { href, rel: "noopener noreferrer", target: "_blank" }, a.url) : a.url) : null);
      row("Places", (a.places || []).join(", "));
      row("Tags", (a.tags || []).join(", "));
      row("Cites", (a.links || []).join(", "));
      row("File", a.path || a.file);
      if (a.record !== null && a.record !== undefined) row("Record", String(a.record));
      row("Id", a.id);
      // Only the highlighted text carries markers: the plain article is text, a "<mark>" in it included.
      const shown = lit ? marked : (text) => text;
      const body = el("div", { class: "body" });
      for (const para of String(lit ? lit.body : a.body || "").split(/\n\s*\n/)) if (para.trim()) body.append(el("p", {}, shown(para)));
      const copies = el("section", { "aria-labelledby": "copies-h" }, el("h2", { id: "copies-h" }, "Copies of this story"), el("p", {}, "Looking…"));
      const related = el("section", { "aria-labelledby": "related-h" }, el("h2", { id: "related-h" }, "Related articles"), el("p", {}, "Looking…"));
      articleBox.replaceChildren(back, el("h1", {}, shown(lit ? lit.title : a.title || "(untitled)")), el("dl", {}, ...rows), body, copies, related);
      document.title = (a.title || a.id) + " – Search the archive";
      articleBox.querySelector("h1").setAttribute("tabindex", "-1");
      articleBox.querySelector("h1").focus();
      api("/api/articles/" + id + "/copies", fileParam).then((c) => {
        copies.lastChild.replaceWith(c.copies.length
          ? el("ul", {}, ...c.copies.map((m) => el("li", {}, stateLink(m.title || m.id, { article: m.id, file: "" }), " ", el("span", { class: "meta" }, [m.source, m.published].filter(Boolean).join(" · ")))))
          : el("p", {}, "None: the index holds this story once."));
      }).catch((e) => copies.lastChild.replaceWith(el("p", {}, e.message)));
      const rp = new URLSearchParams({ limit: "8" });
      if (s.file) rp.set("file", s.file);
      api("/api/articles/" + id + "/related", rp).then((r) => {
        related.lastChild.replaceWith(r.hits.length
          ? el("ul", {}, ...r.hits.map((h) => el("li", {}, stateLink(h.title || h.id, { article: h.id, file: "" }), " ", el("span", { class: "meta" }, [h.source, h.published].filter(Boolean).join(" · ")))))
          : el("p", {}, "None found."));
      }).catch((e) => related.lastChild.replaceWith(el("p", {}, e.message)));
    } catch (e) {
      if (mine !== generation) return;
      const back = stateLink("← Back to results", { article: "", file: "" }, { class: "back" });
      if (e instanceof ApiFailure && e.status === 409 && e.body.files) {
        // The API's message tells a program to add ?file=FILE; a reader is told to pick a link.
        articleBox.replaceChildren(back, el("p", { class: "message" }, e.body.files.length + " articles from different files have the id " + s.article + ": pick one."),
          el("ul", {}, ...e.body.files.map((f) => el("li", {}, stateLink(f, { file: f })))));
      } else {
        articleBox.replaceChildren(back, el("p", { class: "message error", role: "alert" }, e.message));
      }
    }
  }

  // ---- wiring --------------------------------------------------------------------------------

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    go({ q: input.value.trim(), sort: sortSelect.value, page: 1, article: "", file: "" });
  });
  sortSelect.addEventListener("change", () => go({ q: input.value.trim(), sort: sortSelect.value, page: 1, article: "", file: "" }));
  window.addEventListener("popstate", show);
  document.addEventListener("keydown", (e) => {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
  show();
})();
