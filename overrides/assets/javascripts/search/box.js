/* The search box in every page's header (and on the landing page, across every borough).

   What is typed goes through query understanding (understand.js), then to Pagefind's index of
   the built site, fetched in small chunks as needed; the results are ranked by how much of
   the query they match and how strongly (a service's name, acronyms and own numbers count
   most), and shown with the service's summary and its number as a tap-to-call link. A worry
   ("worried", "abuse", "disclosure" ...) puts the front door first; no results, or only weak
   ones, still offer the front door, 999, Who to call and the finder.

   The form is in the page without JavaScript but hidden; it is shown once this runs. */

import { phrases, singular, understand, words } from "./understand.js";

const STRONG = 7; // a match in a name, acronym, own number, main need or page title
// What may follow a word of the guide in another form of it: "exploit" + "ed".
const ENDINGS = /^(s|es|ed|d|ing|er|ers|ly|ment|ments|ness|ion|ions|al)$/;
const SHOWN = 8;
const DELAY_MS = 120;

async function start(form) {
  const input = form.querySelector("input[type=search]");
  const output = document.getElementById(form.dataset.results);
  const sites = JSON.parse(form.dataset.sites).map((site) => ({
    ...site,
    root: new URL(site.root, document.baseURI),
  }));
  form.hidden = false;
  const engine = new Engine(sites);
  let timer = null;
  let latest = 0;

  async function searchNow() {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      output.hidden = true;
      output.replaceChildren();
      return;
    }
    const found = await engine.search(query);
    if (ticket === latest) {
      render(output, query, found, sites.length > 1);
      output.dataset.query = query; // what these results answer (the tests wait for it)
      output.hidden = false;
    }
  }

  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(searchNow, DELAY_MS);
  });
  input.addEventListener("focus", () => engine.load(), { once: true });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    searchNow();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      input.value = "";
      searchNow();
    } else if (event.key === "ArrowDown") {
      const first = output.querySelector("a");
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  output.addEventListener("keydown", (event) => {
    const links = Array.from(output.querySelectorAll("a.handbook-result__title"));
    const at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at >= 0 && at < links.length - 1) {
      event.preventDefault();
      links[at + 1].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : links[at - 1]).focus();
    } else if (event.key === "Escape") {
      input.focus();
    }
  });
  const asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    searchNow();
  }
}

class Engine {
  constructor(sites) {
    this.sites = sites;
    this.ready = null;
  }

  load() {
    if (!this.ready) {
      this.ready = this._load();
    }
    return this.ready;
  }

  async _load() {
    const [first, ...others] = this.sites;
    const pagefind = await import(new URL("pagefind/pagefind.js", first.root).href);
    await pagefind.options({ baseUrl: first.root.pathname, excerptLength: 24 });
    for (const site of others) {
      await pagefind.mergeIndex(new URL("pagefind/", site.root).pathname, {
        baseUrl: site.root.pathname,
      });
    }
    await pagefind.init();
    const models = await Promise.all(
      this.sites.map((site) => fetchJson(new URL("search-model.json", site.root))),
    );
    this.sites.forEach((site, i) => {
      site.model = models[i];
    });
    // One model for understanding the words: the sites share data/search.yaml.
    this.model = models[0];
    this.phrases = phrases(this.model);
    this.vocabulary = new Map();
    this.pagefind = pagefind;
  }

  async words(lengths) {
    if (!this.lengths) {
      const lists = await Promise.all(
        this.sites.map((site) =>
          fetchJson(new URL("search-vocabulary/index.json", site.root)).catch(() => ({
            lengths: [],
            pages: 0,
          })),
        ),
      );
      this.lengths = new Set(lists.flatMap((l) => l.lengths));
      this.pages = lists.reduce((sum, l) => sum + (l.pages || 0), 0);
    }
    const wanted = lengths.filter((n) => this.lengths.has(n) && !this.vocabulary.has(n));
    await Promise.all(
      wanted.map(async (n) => {
        const lists = await Promise.all(
          this.sites.map((site) =>
            fetchJson(new URL(`search-vocabulary/${n}.json`, site.root)).catch(() => []),
          ),
        );
        this.vocabulary.set(n, Array.from(new Set(lists.flat())));
      }),
    );
    return lengths.flatMap((n) => this.vocabulary.get(n) || []);
  }

  async search(query) {
    await this.load();
    const typed = words(query).filter((w) => w.length >= 5 && !/\d/.test(w));
    const lengths = new Set();
    typed.forEach((w) => {
      for (let n = w.length - 2; n <= w.length + 2; n++) lengths.add(n);
    });
    const vocabulary = await this.words(Array.from(lengths));
    const understood = understand(query, this.model, vocabulary, this.phrases);
    // A word the guide has (another ending of one of its words) is not a typing mistake.
    if (understood.corrections.length) {
      const kept = [];
      for (const c of understood.corrections) {
        if (await this.indexHas(c.from)) kept.push(c.from);
      }
      if (kept.length) {
        return this.ranked(understand(query, this.model, [...vocabulary, ...kept], this.phrases));
      }
    }
    return this.ranked(understood);
  }

  /* Whether the index holds `word` or another form of it. Pagefind answers a word it does
     not hold with the longest start of it that it does ("safe" for "safegaurding"), so the
     words it matched are compared with the one typed. */
  async indexHas(word) {
    const found = await this.pagefind.search(word);
    const first = found.results[0];
    if (!first) {
      return false;
    }
    const content = words((await first.data()).content || "");
    return first.words.some((at) => {
      const matched = content[at] || "";
      return (
        matched === word ||
        matched.startsWith(word) ||
        (word.startsWith(matched) && ENDINGS.test(word.slice(matched.length)))
      );
    });
  }

  async ranked(understood) {
    if (understood.phone) {
      return this.byNumber(understood);
    }
    const concepts = understood.concepts;
    const pages = await this.pageCount();
    const tally = new Map();
    const rarity = [];
    for (const [index, concept] of concepts.entries()) {
      let matched = 0;
      for (const text of concept.searches) {
        const found = await this.pagefind.search(text);
        matched = Math.max(matched, found.results.length);
        const best = found.results[0] ? found.results[0].score : 1;
        for (const result of found.results) {
          const entry = tally.get(result.id) || { results: [], parts: new Map() };
          const value = result.score / best;
          if (value > (entry.parts.get(index) || 0)) entry.parts.set(index, value);
          entry.results.push({ result, index, phrase: text.includes(" ") });
          tally.set(result.id, entry);
        }
      }
      // A word most pages have ("child", "team", "support") tells little: it counts for less.
      const idf = Math.log((pages + 1) / (matched + 0.5)) / Math.log(pages + 1);
      rarity.push(Math.min(1, Math.max(0.1, idf)));
    }
    const weight = (index) => rarity[index] * (concepts[index].known ? 2 : 1);
    const whole = concepts.reduce((sum, _, index) => sum + weight(index), 0) || 1;
    const candidates = Array.from(tally.values())
      .sort((a, b) => coverage(b) - coverage(a))
      .slice(0, SHOWN * 3);
    const top = await Promise.all(candidates.map((e) => details(e)));
    top.sort((a, b) => b.rank - a.rank);
    // A concern puts the front door first; so does a referral word, unless the query also
    // names a service (in the service's names or acronyms); a query nothing answers strongly
    // still offers it.
    const named = top.some((r) => r.named && ["service", "page", "levels"].includes(r.kind));
    const frontDoorFirst =
      understood.concern || (understood.referral && !named && !understood.outOfHours);
    // Answered when a strong match is among the first three, and the guide itself has what
    // was typed: "CAMHS" found only through its synonym "mental health" is a guess, so the
    // front door is offered beside it.
    const guessed =
      (await this.onlyThroughSynonyms(concepts)) || (await this.notInTheGuide(concepts));
    const answered = !guessed && top.slice(0, 3).some((r) => r.strong);
    if (frontDoorFirst || top.length === 0) {
      const pinned = this.frontDoors(true);
      const pinnedUrls = new Set(pinned.map((p) => p.url));
      return {
        understood,
        results: top.filter((r) => !pinnedUrls.has(r.url)).slice(0, SHOWN),
        pinned,
        weak: !frontDoorFirst,
      };
    }
    // No dead ends: when nothing answers the query strongly, the front door is offered next
    // to the best match, so that it is always among the first three.
    const results = top.slice(0, SHOWN);
    if (!answered) {
      for (const door of this.frontDoors(true)) {
        if (!results.slice(0, 3).some((r) => r.url === door.url)) {
          results.splice(Math.min(1, results.length), 0, { frontDoor: door });
        }
      }
    }
    return { understood, results: results.slice(0, SHOWN + 1), pinned: [], weak: !answered };

    /* How much of the query a page answers: each thing asked for counts by how well the page
       matches it, a thing the model knows (a phrase, a synonym, a need) twice a plain word,
       and a rare word more than a common one. */
    function coverage(entry) {
      let sum = 0;
      entry.parts.forEach((value, index) => (sum += value * weight(index)));
      return sum;
    }

    async function details(entry) {
      // The same page found by several searches: how strongly, for which of them.
      const found = await Promise.all(
        entry.results.slice(0, 6).map(async (hit) => ({ hit, data: await hit.result.data() })),
      );
      const data = found[0].data;
      const meta = data.meta || {};
      const title = (meta.title || "").replace(/¶$/, "").trim();
      const kind = meta.kind || "page";
      let strong = false;
      let named = false;
      for (const { hit, data: d } of found) {
        const concept = concepts[hit.index];
        const heaviest = Math.max(0, ...(d.weighted_locations || []).map((w) => w.weight));
        const telling = rarity[hit.index] >= 0.3 || concept.known;
        // A whole phrase found in a heading or a summary is as telling as a word in a name.
        strong = strong || (telling && heaviest >= (hit.phrase ? 5 : STRONG));
        // The query names this page: a rare word in a name or acronym, or a phrase the model
        // knows in its title.
        const rare = rarity[hit.index] >= 0.4;
        named = named || (!concept.concern && !concept.referral &&
          ((rare && heaviest >= 10) || (concept.known && titleHas(title, concept))));
      }
      // ... and strong only if it answers most of what was asked: "online safety" is not
      // answered by a directory that is strongly "online".
      let answered = 0;
      entry.parts.forEach((_, index) => (answered += weight(index)));
      strong = strong && answered / whole >= 0.5;
      const titled = Array.from(entry.parts.keys()).some((i) => titleHas(title, concepts[i]));
      let rank = coverage(entry) + (strong ? 0.6 : 0) + (titled ? 0.5 : 0);
      if (kind === "service") rank += 0.2;
      // Pages that list everything (a section's list, the glossary, the home page) match a
      // little of everything: below a page about the thing itself.
      if (["index", "glossary", "home"].includes(kind)) rank -= 0.8;
      return {
        ...shown(data),
        strong,
        named,
        rank,
      };
    }
  }

  /* Whether some word or phrase of the query is not in the guide at all, and was searched for
     only by what its synonyms mean. */
  async onlyThroughSynonyms(concepts) {
    for (const concept of concepts) {
      if (concept.searches.length < 2) continue;
      const typed = words(concept.text);
      const found = typed.length === 1
        ? await this.indexHas(typed[0])
        : (await this.pagefind.search(concept.text)).results.length > 0;
      if (!found) return true;
    }
    return false;
  }

  /* Whether a plain word of the query (not a phrase the model knows) is nowhere in the
     guide: "home educate" is not answered by a page about school readiness. */
  async notInTheGuide(concepts) {
    for (const concept of concepts) {
      if (concept.known || concept.text.length < 4 || /\d/.test(concept.text)) continue;
      if (!(await this.indexHas(concept.text))) return true;
    }
    return false;
  }

  /* How many pages the index holds, from the vocabulary's summary: asking the index itself
     ("search for everything") would fetch every chunk of it. */
  async pageCount() {
    await this.words([]);
    return Math.max(1, this.pages || 1);
  }

  async byNumber(understood) {
    const phone = understood.phone;
    if (phone.short) {
      return { understood, results: [], pinned: this.frontDoors(true), weak: true };
    }
    const found = await this.pagefind.search(phone.search);
    const results = [];
    for (const result of found.results.slice(0, SHOWN * 2)) {
      const data = await result.data();
      const meta = data.meta || {};
      const numbers = (meta.numbers || "").split(" ");
      results.push({
        ...shown(data),
        owns: numbers.some((n) => n && (n === phone.search || n.endsWith(phone.search))),
        whoToCall: meta.kind === "contacts",
        strong: true,
      });
    }
    results.sort((a, b) => Number(b.owns) - Number(a.owns));
    const none = results.length === 0;
    return { understood, results: results.slice(0, SHOWN), pinned: none ? this.frontDoors(false) : [], weak: none };
  }

  frontDoors(withLevels) {
    return this.sites.map((site) => {
      const door = site.model.front_door;
      const page = door.url || site.model.links.contacts;
      return { site, withLevels, url: new URL(page, site.root).pathname };
    });
  }
}

/* What a result shows of a page, from what Pagefind holds of it. */
function shown(data) {
  const meta = data.meta || {};
  return {
    url: data.url,
    title: (meta.title || "").replace(/¶$/, "").trim(),
    summary: meta.summary || null,
    excerpt: meta.summary ? null : data.excerpt,
    phone: meta.phone,
    tel: meta.tel,
    phoneName: meta.phone_name,
    status: meta.status,
    kind: meta.kind || "page",
  };
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url}: ${response.status}`);
  }
  return response.json();
}

// ---- showing the results

function render(output, query, found, several) {
  const parts = [];
  const { understood } = found;
  if (understood.corrections.length) {
    const line = element("p", "handbook-search__corrected");
    line.append("Showing results for ", element("strong", null, understood.shown), ". ");
    parts.push(line);
  }
  if (found.pinned.length) {
    parts.push(frontDoorPanel(found.pinned, found.weak, several));
  }
  const count = found.results.length;
  const status = element("p", "handbook-search__count");
  status.textContent = count
    ? `${count} result${count === 1 ? "" : "s"} for “${query}”.`
    : `Nothing in this guide matches “${query}”.`;
  parts.push(status);
  if (count) {
    const list = element("ol", "handbook-results");
    found.results.forEach((result) => list.append(resultItem(result, several)));
    parts.push(list);
  }
  output.replaceChildren(...parts);
}

function frontDoorPanel(pinned, weak, several) {
  const panel = element("div", "handbook-search__help");
  const heading = element("p", "handbook-search__help-title");
  heading.textContent = weak
    ? "Not sure who can help? Start with the front door:"
    : "Worried about a child? Talk to the front door first:";
  panel.append(heading);
  const list = element("ul", "handbook-results handbook-results--help");
  pinned.forEach((door) => list.append(frontDoorItem(door, several)));
  panel.append(list);
  return panel;
}

/* The front door as a result: its name and number, 999, and the pages that list the rest. */
function frontDoorItem({ site, withLevels }, several, label) {
  const model = site.model;
  const door = model.front_door;
  const item = element("li", "handbook-result handbook-result--front-door");
  if (label) {
    item.append(element("span", "handbook-result__label", `${label}: `));
  }
  const title = link(
    door.url ? new URL(door.url, site.root).href : new URL(model.links.contacts, site.root).href,
    several ? `${model.borough.name}: ${door.name}` : door.name,
  );
  title.className = "handbook-result__title";
  item.append(title);
  if (door.tel) {
    item.append(callLine(door.tel, door.phone, "Call"));
  }
  const more = element("p", "handbook-result__more");
  if (model.emergency) {
    more.append("A child in immediate danger: ", link(model.emergency.tel, model.emergency.phone), ". ");
  }
  more.append(link(new URL(model.links.contacts, site.root).href, "Who to call"));
  more.append(" · ", link(new URL(model.links.finder, site.root).href, "Find a service"));
  if (withLevels) {
    more.append(" · ", link(new URL(model.links["levels-of-need"], site.root).href, "Levels of need"));
  }
  item.append(more);
  return item;
}

function resultItem(result, several) {
  if (result.frontDoor) {
    return frontDoorItem(result.frontDoor, several, "Not sure? The front door");
  }
  const item = element("li", "handbook-result");
  const title = link(result.url, result.title || result.url);
  title.className = "handbook-result__title";
  item.append(title);
  if (several) {
    const borough = element("span", "handbook-result__borough", boroughOf(result.url));
    item.append(" ", borough);
  }
  if (result.status === "temporarily-closed") {
    item.append(" ", element("strong", "handbook-result__closed", "Temporarily closed"));
  }
  if (result.summary) {
    item.append(element("p", "handbook-result__summary", result.summary));
  } else if (result.excerpt) {
    item.append(excerpt(result.excerpt));
  }
  if (result.tel) {
    item.append(callLine(result.tel, result.phone, result.phoneName ? `Call ${result.phoneName}` : "Call"));
  }
  return item;
}

function boroughOf(url) {
  const form = document.querySelector("[data-handbook-search]");
  const sites = JSON.parse(form.dataset.sites);
  const match = sites.find((site) => url.startsWith(new URL(site.root, document.baseURI).pathname));
  return match ? match.name : "";
}

function callLine(tel, number, words) {
  const line = element("p", "handbook-result__call");
  line.append(`${words}: `, link(tel, number));
  return line;
}

/* Pagefind's excerpt marks the words found with <mark>; everything else is shown as text. */
function excerpt(html) {
  const paragraph = element("p", "handbook-result__summary");
  html.split(/(<mark>.*?<\/mark>)/).forEach((part) => {
    const marked = part.match(/^<mark>(.*)<\/mark>$/);
    const text = decode(marked ? marked[1] : part);
    paragraph.append(marked ? element("mark", null, text) : text);
  });
  return paragraph;
}

function decode(text) {
  return new DOMParser().parseFromString(`<p>${text}</p>`, "text/html").body.textContent;
}

function link(href, text) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  return a;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// Last, once every class above is defined.
const form = document.querySelector("[data-handbook-search]");
if (form) {
  start(form).catch((error) => {
    console.warn("search is unavailable:", error); // the urgent bar still offers every number
  });
}

/* Whether every word of one of the concept's searches is in the title (plurals aside). */
function titleHas(title, concept) {
  const titleWords = new Set(words(title).map(singular));
  return concept.searches.some((text) => words(text).every((w) => titleWords.has(singular(w))));
}
