// The floor of bench/firstscreen.mjs: the same form as the widget's first screen, written by
// hand with plain DOM calls and no library. It fetches the indicator set (the same JSON file
// the widget reads), shows the set's title, one tab per top-level group, the first group's
// indicators as fieldsets of radios (level number, label and criteria; yes/no), and the
// overall score (weighted means, unanswered = the scale's minimum) updated on each answer.
// Only level and yes/no answers are drawn as radios; other kinds get a number input.
const src = document.currentScript.dataset.set;
const lang = document.documentElement.lang === 'en' ? 'en' : 'id';
const text = (t) => (t == null ? '' : typeof t === 'string' ? t : t[lang] || t.id);
const el = (tag, parent, content) => {
  const e = document.createElement(tag);
  if (content) e.textContent = content;
  parent?.append(e);
  return e;
};

fetch(src)
  .then((res) => {
    if (!res.ok) throw new Error(`cannot load ${src}: HTTP ${res.status}`);
    return res.json();
  })
  .then((set) => {
    const root = document.getElementById('form');
    const indicators = [];
    const answers = new Map();
    (function walk(g) {
      for (const c of g.children ?? []) walk(c);
      for (const ind of g.indicators ?? []) indicators.push(ind);
    })({ children: set.groups });
    const index = new Map(indicators.map((ind, i) => [ind, i]));

    const min = set.scale.min;
    const scoreOf = (ind) => {
      const v = answers.get(ind.id);
      if (v == null) return min;
      if (ind.answer.kind === 'level') return ind.answer.levels[v - 1].score ?? v;
      if (ind.answer.kind === 'yes_no') return v ? (ind.answer.yes ?? set.scale.max) : (ind.answer.no ?? min);
      return v;
    };
    const mean = (g) => {
      const parts = [
        ...(g.children ?? []).map((c) => [c.weight ?? 1, mean(c)]),
        ...(g.indicators ?? []).map((ind) => [ind.weight ?? 1, scoreOf(ind)]),
      ];
      const w = parts.reduce((s, [x]) => s + x, 0);
      return w ? parts.reduce((s, [x, v]) => s + x * v, 0) / w : min;
    };

    el('h2', root, text(set.title));
    if (set.description) el('p', root, text(set.description));
    const score = el('p', root);
    const update = () => {
      score.textContent = `Skor: ${mean({ children: set.groups }).toFixed(set.scale.decimals ?? 2)}`;
    };
    const tabs = el('div', root);
    tabs.setAttribute('role', 'tablist');
    const panel = el('div', root);

    const card = (parent, ind) => {
      const i = index.get(ind);
      const fs = el('fieldset', parent);
      el('legend', fs, `${i + 1}. ${text(ind.title)}`);
      if (ind.help) {
        const det = el('details', fs);
        el('summary', det, 'Panduan');
        el('p', det, text(ind.help));
      }
      const radio = (label, note, value) => {
        const l = el('label', fs);
        const input = el('input', l);
        input.type = 'radio';
        input.name = `q${i}`;
        input.value = String(value);
        input.checked = answers.get(ind.id) === value;
        input.addEventListener('change', () => {
          answers.set(ind.id, value);
          update();
        });
        el('span', l, label);
        if (note) el('small', l, note);
      };
      if (ind.answer.kind === 'level') {
        for (const [n, lv] of ind.answer.levels.entries()) radio(`${n + 1} – ${text(lv.label)}`, text(lv.criteria), n + 1);
      } else if (ind.answer.kind === 'yes_no') {
        radio('Ya', '', true);
        radio('Tidak', '', false);
      } else {
        const input = el('input', fs);
        input.type = 'number';
        input.name = `q${i}`;
        input.addEventListener('input', () => {
          answers.set(ind.id, input.value === '' ? null : Number(input.value));
          update();
        });
      }
    };
    const group = (parent, g, depth) => {
      el(depth ? 'h4' : 'h3', parent, text(g.title));
      for (const c of g.children ?? []) group(el('section', parent), c, depth + 1);
      for (const ind of g.indicators ?? []) card(parent, ind);
    };
    const show = (k) => {
      panel.replaceChildren();
      group(panel, set.groups[k], 0);
      for (const [j, b] of [...tabs.querySelectorAll('button')].entries()) b.setAttribute('aria-selected', String(j === k));
    };
    set.groups.forEach((g, k) => {
      const b = el('button', tabs, text(g.title));
      b.type = 'button';
      b.setAttribute('role', 'tab');
      b.addEventListener('click', () => show(k));
    });
    show(0);
    update();
  });
