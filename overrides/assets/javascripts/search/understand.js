/* Query understanding for the search box: what a practitioner typed, turned into what to
   look for. Pure functions of the query and of the data the build wrote (data/search.yaml as
   search-model.json, and the guide's own words): no page, no network, so the tests run it in
   Node (tests/site/test_search_understanding.py).

   understand(query, model, vocabulary) returns
     { phone: {digits, search, short} | null,
       concepts: [{text, searches: [..], concern, referral, known}],
       corrections: [{from, to}], concern: bool, referral: bool, shown: "as searched" }
   where each concept is one thing asked for (a word, or a phrase the data knows) and
   `searches` are what to look for to find it: itself, and what its synonyms mean. A concern
   (a word of worry) or a referral word asks for the front door. */

const SHORTEST_CORRECTED = 5;
const LONG_WORD = 8;

export function normalise(text) {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/'s\b/g, "")
    .replace(/[^a-z0-9+()\-.' ]+/g, " ")
    .replace(/'/g, "");
}

export function words(text) {
  return normalise(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/* A word without its plural ending, for matching phrases: "centres" is "centre". */
export function singular(word) {
  if (word.length > 4 && word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/* A phone number typed in any form: +44 1254 666400, 0044 1254 666400, (01254) 666400,
   01254.666.400, +44 (0)1254 666400, 666400. Returns the digits as the index holds them
   (the national number without spaces, or what was typed when it is only the local part). */
export function phoneNumber(query) {
  const compact = query.replace(/[\s().\-\u00a0\/]/g, "");
  if (!/^\+?\d{3,}$/.test(compact)) {
    return null;
  }
  let digits = compact.replace(/^\+/, "");
  const international = compact.startsWith("+") || digits.startsWith("00");
  digits = digits.replace(/^00/, "");
  if (international || (digits.startsWith("44") && digits.length >= 12)) {
    if (!digits.startsWith("44")) {
      return { digits, search: digits, short: false, foreign: true };
    }
    digits = "0" + digits.slice(2).replace(/^0/, "");
  } else if (/^[1-37-9]\d{8,9}$/.test(digits)) {
    digits = "0" + digits; // a national number typed without its 0: "1253 477299"
  }
  const short = /^(999|112|101|111|116\d{3})$/.test(digits);
  return { digits, search: digits, short, foreign: false };
}

/* Damerau-Levenshtein distance (a swap of two letters is one mistake), stopping early once
   it is certain to exceed `limit`. */
export function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  let previous2 = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (previous2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previous2[j - 2] + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) {
      return limit + 1;
    }
    previous2 = previous;
    previous = current;
  }
  return previous[b.length];
}

export function allowedMistakes(word) {
  if (word.length < SHORTEST_CORRECTED || /\d/.test(word)) {
    return 0;
  }
  return word.length >= LONG_WORD ? 2 : 1;
}

/* The word of the guide closest to `word`, or null. `vocabulary` lists the guide's words
   most frequent first, so the commoner of two equally close words wins. */
export function correct(word, vocabulary) {
  const limit = allowedMistakes(word);
  if (limit === 0) {
    return null;
  }
  let found = null;
  let foundDistance = limit + 1;
  for (const candidate of vocabulary) {
    if (Math.abs(candidate.length - word.length) > limit) {
      continue;
    }
    const d = distance(word, candidate, Math.min(limit, foundDistance - 1));
    if (d < foundDistance) {
      found = candidate;
      foundDistance = d;
      if (d === 1) {
        break;
      }
    }
  }
  return found;
}

/* Every phrase the model knows, as word lists, longest first, with what finding it means. */
export function phrases(model) {
  const known = new Map();
  const add = (text, entry) => {
    const list = words(text);
    const key = list.map(singular).join(" ");
    if (!key) {
      return;
    }
    const existing = known.get(key) || {
      words: list.map(singular),
      searches: new Set(),
      concern: false,
      referral: false,
      outOfHours: false,
    };
    existing.searches.add(list.join(" "));
    (entry.means || []).forEach((meaning) => existing.searches.add(words(meaning).join(" ")));
    existing.concern = existing.concern || Boolean(entry.concern);
    existing.referral = existing.referral || Boolean(entry.referral);
    existing.outOfHours = existing.outOfHours || Boolean(entry.outOfHours);
    known.set(key, existing);
  };
  (model.concern_words || []).forEach((text) => add(text, { concern: true }));
  (model.referral_words || []).forEach((text) => add(text, { referral: true }));
  (model.out_of_hours_words || []).forEach((text) => add(text, { outOfHours: true }));
  (model.synonyms || []).forEach((synonym) =>
    synonym.words.forEach((text) => add(text, { means: synonym.means })),
  );
  (model.phrases || []).forEach((text) => add(text, {}));
  return Array.from(known.values()).sort((a, b) => b.words.length - a.words.length);
}

/* The model's own words: stop words, words of worry, synonyms and the needs' words. */
function modelWords(model) {
  const found = new Set();
  const addAll = (list) => list.forEach((text) => words(text).forEach((w) => found.add(w)));
  addAll(model.stop_words || []);
  addAll(model.concern_words || []);
  addAll(model.referral_words || []);
  addAll(model.out_of_hours_words || []);
  addAll(model.phrases || []);
  (model.synonyms || []).forEach((s) => {
    addAll(s.words);
    addAll(s.means);
  });
  return found;
}

/* The words search must not "correct": the model's own, and those of the guide. */
function knownWords(model, vocabulary) {
  return new Set([...vocabulary, ...modelWords(model)]);
}

export function understand(query, model, vocabulary = [], knownPhrases = null) {
  const phone = phoneNumber(query);
  if (phone) {
    return {
      phone, concepts: [], corrections: [], concern: false, referral: false, shown: query.trim(),
    };
  }
  const known = knownWords(model, vocabulary);
  // A mistake is corrected into a word the guide names things with, or one the model knows.
  const targets = [...vocabulary, ...modelWords(model)];
  const stop = new Set((model.stop_words || []).map((w) => w.toLowerCase()));
  const corrections = [];
  const tokens = words(query).map((word) => {
    if (known.has(word) || stop.has(word)) {
      return word;
    }
    const better = correct(word, targets);
    if (better) {
      corrections.push({ from: word, to: better });
      return better;
    }
    return word;
  });
  const concepts = [];
  const table = knownPhrases || phrases(model);
  const plain = tokens.map(singular);
  for (let i = 0; i < tokens.length; ) {
    const match = table.find((phrase) => phrase.words.every((w, k) => plain[i + k] === w));
    if (match) {
      concepts.push({
        text: tokens.slice(i, i + match.words.length).join(" "),
        searches: Array.from(match.searches),
        concern: match.concern,
        referral: match.referral,
        outOfHours: match.outOfHours,
        known: true,
      });
      i += match.words.length;
      continue;
    }
    const word = tokens[i];
    i += 1;
    if (stop.has(word) || (/^\d+$/.test(word) && word.length < 3)) {
      continue;
    }
    concepts.push({
      text: word, searches: [word], concern: false, referral: false, outOfHours: false, known: false,
    });
  }
  return {
    phone: null,
    concepts,
    corrections,
    concern: concepts.some((c) => c.concern),
    referral: concepts.some((c) => c.referral),
    outOfHours: concepts.some((c) => c.outOfHours),
    shown: tokens.join(" "),
  };
}
