/* Search on the site's own sharded index (swvsite/pages/zoekindex.py builds it
   under zoeken/index/). The client loads the manifest, then only the shards the
   question needs. Each function below mirrors the Python function named in its
   comment, with the same rules (tokens, stop words, word -> stem maps, compound
   parts, corrections, completions, scoring); the weights and stop words come
   from the manifest. tests/browser/test_zoeken_client.py compares both. */
(function () {
  var script = document.currentScript;
  var form = document.querySelector("form[data-swv-zoeken]");
  var list = document.getElementById("swv-zoek-resultaten");
  if (!form || !list || !window.fetch) {
    return;
  }
  var TEXT = {
    nl: {none: "Geen resultaten gevonden.", one: "1 resultaat gevonden.",
      many: " resultaten gevonden.", meant: "Bedoelde u: ", on: "Op de pagina: "},
    en: {none: "No results found.", one: "1 result found.",
      many: " results found.", meant: "Did you mean: ", on: "On the page: "},
    ar: {none: "لم يتم العثور على نتائج.", one: "تم العثور على نتيجة واحدة.",
      many: " نتائج.", meant: "هل تقصد: ", on: "في الصفحة: "}
  };
  var LETTERS = "abcdefghijklmnopqrstuvwxyz";
  var WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
  var ARABIC_MARKS = /[\u064b-\u0652\u0670\u0640]/g;
  var ALEF = /[أإآٱ]/g;
  // This script is <site>/assets/javascripts/zoeken.min.js: the site's root is two
  // up from it (the form may lead to a language's own search page, <site>/en/zoeken/).
  var root = script ? new URL("../../", script.src)
    : new URL("../", new URL(form.getAttribute("action"), location.href));
  var base = new URL("zoeken/index/", root);
  var lang = (document.documentElement.lang || "nl").split("-")[0].toLowerCase();
  var text = TEXT[lang] || TEXT.nl;
  var manifest = null;
  var loaded = {};       // shard file -> its promise
  var surfaces = new Map();
  var postings = new Map();
  var blocks = {};

  function getJson(name) {
    if (!loaded[name]) {
      loaded[name] = fetch(new URL(name, base)).then(function (r) {
        return r.ok ? r.json() : null;
      });
    }
    return loaded[name];
  }

  // fold
  function fold(word) {
    word = word.toLowerCase().replace(/’/g, "'");
    if (lang === "ar") {
      return word.replace(ARABIC_MARKS, "").replace(ALEF, "ا");
    }
    if (lang === "uk") {
      return word;
    }
    return word.normalize("NFKD").replace(/\p{Mn}/gu, "");
  }

  // words
  function words(value) {
    return (value.match(WORD) || []).map(fold);
  }

  // split_compound
  function split_compound(word, vocabulary) {
    var min = manifest.rules.min_part;
    for (var cut = word.length - min; cut >= min; cut--) {
      var head = word.slice(0, cut), tail = word.slice(cut);
      var heads = head.endsWith("s") ? [head, head.slice(0, -1)] : [head];
      for (var i = 0; i < heads.length; i++) {
        if (vocabulary.has(heads[i]) && heads[i].length >= min) {
          if (vocabulary.has(tail)) {
            return [heads[i], tail];
          }
          var rest = split_compound(tail, vocabulary);
          if (rest.length) {
            return [heads[i]].concat(rest);
          }
        }
      }
    }
    return [];
  }

  // shard_of
  function shard_of(term, keys) {
    for (var length = Math.min(term.length, manifest.rules.max_prefix); length > 0; length--) {
      if (keys.has(term.slice(0, length))) {
        return term.slice(0, length);
      }
    }
    return term.slice(0, manifest.rules.prefix);
  }

  // edits1 (keeping the first letter)
  function edits1(word) {
    var out = new Set();
    for (var i = 0; i <= word.length; i++) {
      var a = word.slice(0, i), b = word.slice(i);
      if (b) {
        out.add(a + b.slice(1));
      }
      if (b.length > 1) {
        out.add(a + b[1] + b[0] + b.slice(2));
      }
      for (var j = 0; j < LETTERS.length; j++) {
        if (b) {
          out.add(a + LETTERS[j] + b.slice(1));
        }
        out.add(a + LETTERS[j] + b);
      }
    }
    return new Set(Array.from(out).filter(function (w) { return w[0] === word[0]; }));
  }

  // _distance
  function distance(a, b) {
    var row = [];
    for (var k = 0; k <= b.length; k++) {
      row.push(k);
    }
    for (var i = 1; i <= a.length; i++) {
      var previous = row[0];
      row[0] = i;
      for (var j = 1; j <= b.length; j++) {
        var here = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] !== b[j - 1] ? 1 : 0));
        previous = here;
      }
    }
    return row[b.length];
  }

  // _corrections (the shards of every candidate are loaded first: needCorrections)
  function corrections(word) {
    if (word.length < manifest.rules.min_corrected) {
      return [];
    }
    var found = Array.from(edits1(word)).filter(function (w) { return surfaces.has(w); });
    if (!found.length && word.length >= 8) {
      var prefix = manifest.rules.far_prefix;
      surfaces.forEach(function (stem, w) {
        if (w[0] === word[0] && Math.abs(w.length - word.length) <= 2 &&
            w.slice(0, prefix) === word.slice(0, prefix) && distance(w, word) <= 2) {
          found.push(w);
        }
      });
    }
    return found.sort();
  }

  // _completions
  function completions(word) {
    var found = [];
    surfaces.forEach(function (stem, w) {
      if (w.startsWith(word) && w !== word) {
        found.push(w);
      }
    });
    found.sort(function (x, y) {
      return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
    });
    return found.slice(0, manifest.rules.completions);
  }

  function keysOf() {
    return new Set(manifest.shards[lang] || []);
  }

  // A shard is two files: "w" (its words' stems) and "p" (its stems' postings).
  function loadShards(names, kind) {
    var keys = keysOf();
    var wanted = Array.from(new Set(names)).filter(function (k) { return keys.has(k); });
    var into = kind === "w" ? surfaces : postings;
    return Promise.all(wanted.map(function (key) {
      return getJson(lang + "/" + kind + "-" + encodeURIComponent(key) + ".json")
        .then(function (shard) {
          if (shard) {
            Object.keys(shard).forEach(function (k) { into.set(k, shard[k]); });
          }
        });
    }));
  }

  // The shards query_groups and bedoelde_u read, in three rounds: the words
  // (with their compounds, parts and completions), then the corrections'
  // candidates, then the stems' postings.
  function needWords(tokens, content) {
    var keys = keysOf(), need = [];
    tokens.forEach(function (w) { need.push(shard_of(w, keys)); });
    content.forEach(function (word, i) {
      var following = content[i + 1] || "";
      if (following) {
        need.push(shard_of(word + following, keys), shard_of(word + "s" + following, keys));
      }
      if (lang === "nl") {
        split_compound(word, vocabulary()).forEach(function (p) { need.push(shard_of(p, keys)); });
      }
      if (word.length >= manifest.rules.min_part) {
        keys.forEach(function (k) {
          if (k.startsWith(word) || word.startsWith(k)) {
            need.push(k);
          }
        });
      }
    });
    return loadShards(need, "w");
  }

  function unknown(tokens) {
    return tokens.filter(function (w) {
      return w.length >= manifest.rules.min_corrected && !surfaces.has(w);
    });
  }

  function needCorrections(tokens) {
    var keys = keysOf(), need = [];
    var missing = unknown(tokens);
    missing.forEach(function (w) {
      edits1(w).forEach(function (c) { need.push(shard_of(c, keys)); });
    });
    return loadShards(need, "w").then(function () {
      var far = [];
      missing.forEach(function (w) {
        if (w.length >= 8 && !corrections(w).length) {
          var start = w.slice(0, manifest.rules.far_prefix);
          keys.forEach(function (k) {
            if (k.startsWith(start) || start.startsWith(k)) {
              far.push(k);
            }
          });
        }
      });
      return loadShards(far, "w");
    });
  }

  var vocabularySet = null;
  function vocabulary() {
    if (!vocabularySet) {
      vocabularySet = new Set(manifest.vocabulary);
    }
    return vocabularySet;
  }

  function contentWords(tokens) {
    var stops = new Set((manifest.rules.stop || {})[lang] || []);
    var content = tokens.filter(function (w) { return !stops.has(w); });
    return content.length ? content : tokens;
  }

  // word_pairs (the stems come from the shards: a word the index does not know
  // is in no title, so in no pair either)
  function word_pairs(query) {
    var stops = new Set((manifest.rules.stop || {})[lang] || []);
    var found = words(query), out = [];
    for (var i = 0; i + 1 < found.length; i++) {
      var a = found[i], b = found[i + 1];
      if ((!stops.has(a) || !stops.has(b)) && surfaces.has(a) && surfaces.has(b)) {
        out.push(surfaces.get(a) + " " + surfaces.get(b));
      }
    }
    return out;
  }

  // signature (as word_pairs: an unknown word is in no title)
  function signature(query) {
    var stops = new Set((manifest.rules.stop || {})[lang] || []);
    var stems = new Set();
    var known = true;
    words(query).forEach(function (w) {
      if (!stops.has(w)) {
        known = known && surfaces.has(w);
        stems.add(surfaces.get(w));
      }
    });
    return known && stems.size ? "=" + Array.from(stems).sort().join(" ") : "";
  }

  // query_groups
  function query_groups(query) {
    var rules = manifest.rules;
    var content = contentWords(words(query));
    var groups = [], corrected = [];
    content.forEach(function (word, i) {
      var group = new Map();
      function add(term, weight) {
        group.set(term, Math.max(weight, group.has(term) ? group.get(term) : 0));
      }
      var following = content[i + 1] || "";
      if (following) {
        [word + following, word + "s" + following].forEach(function (compound) {
          if (surfaces.has(compound)) {
            add(surfaces.get(compound), 1);
          }
        });
      }
      var parts = lang === "nl" ? split_compound(word, vocabulary()) : [];
      parts.forEach(function (part) { add(surfaces.get(part), rules.part); });
      var candidates;
      if (surfaces.has(word)) {
        add(surfaces.get(word), 1);
      } else if (!parts.length && (candidates = corrections(word)).length) {
        corrected.push(candidates[0]);
        add(surfaces.get(candidates[0]), rules.correction);
      } else {
        add(word, 1);
      }
      if (word.length >= rules.min_part) {
        completions(word).forEach(function (other) { add(surfaces.get(other), rules.completion); });
      }
      groups.push(group);
    });
    return [groups, corrected];
  }

  // ranking (entry numbers, best first)
  function ranking(query) {
    var groups = query_groups(query)[0];
    var scores = new Map(), matched = new Map();
    groups.forEach(function (group) {
      var best = new Map();
      group.forEach(function (weight, term) {
        var found = postings.get(term) || [];
        for (var i = 0; i < found.length; i += 2) {
          best.set(found[i], Math.max(best.has(found[i]) ? best.get(found[i]) : 0,
            weight * found[i + 1]));
        }
      });
      best.forEach(function (score, number) {
        scores.set(number, (scores.get(number) || 0) + score);
        matched.set(number, (matched.get(number) || 0) + 1);
      });
    });
    function bonus(term, weight) {
      var found = postings.get(term) || [];
      for (var i = 0; i < found.length; i += 2) {
        scores.set(found[i], (scores.get(found[i]) || 0) + weight * found[i + 1]);
        if (!matched.has(found[i])) {
          matched.set(found[i], 0);
        }
      }
    }
    word_pairs(query).forEach(function (pair) { bonus(pair, manifest.rules.pair); });
    bonus(signature(query), manifest.rules.exact);
    return Array.from(scores.keys()).sort(function (a, b) {
      return matched.get(b) - matched.get(a) || scores.get(b) - scores.get(a);
    });
  }

  // is_begrip, from the manifest's ranges of begrip entries
  function isBegrip(number) {
    return (manifest.begrippen || []).some(function (range) {
      return number >= range[0] && number < range[1];
    });
  }

  // begrippen_voor
  function begrippen_voor(ranked) {
    var numbers = ranked.filter(isBegrip).slice(0, manifest.rules.begrippen);
    return Promise.all(numbers.map(entry));
  }

  function entry(number) {
    var size = manifest.block;
    var block = Math.floor(number / size);
    return getJson("d-" + block + ".json").then(function (docs) {
      return docs[number - block * size];
    });
  }

  function pages(ranked, limit) {
    var out = [], seen = new Set(), start = 0;
    function next() {
      var chunk = ranked.slice(start, start + limit);
      start += chunk.length;
      return Promise.all(chunk.map(entry)).then(function (docs) {
        for (var i = 0; i < docs.length && out.length < limit; i++) {
          var page = docs[i][0].split("#")[0];
          if (!seen.has(page)) {
            seen.add(page);
            out.push(docs[i]);
          }
        }
        return out.length < limit && start < ranked.length ? next() : out;
      });
    }
    return next();
  }

  // bedoelde_u
  function bedoelde_u(query) {
    var changed = false;
    var out = (query.match(WORD) || []).map(function (original) {
      var word = fold(original);
      var fixes = surfaces.has(word) || split_compound(word, vocabulary()).length
        ? [] : corrections(word);
      changed = changed || fixes.length > 0;
      return fixes.length ? fixes[0] : original;
    });
    return changed ? out.join(" ") : null;
  }

  function needTerms(query) {
    var keys = keysOf(), need = [];
    query_groups(query)[0].forEach(function (group) {
      group.forEach(function (weight, term) { need.push(shard_of(term, keys)); });
    });
    word_pairs(query).forEach(function (pair) { need.push(shard_of(pair, keys)); });
    if (signature(query)) {
      need.push(shard_of(signature(query), keys));
    }
    return loadShards(need, "p");
  }

  // The whole question: load what it needs, then rank.
  function ask(query, limit) {
    return getJson("manifest.json").then(function (loadedManifest) {
      manifest = loadedManifest;
      var tokens = words(query);
      return needWords(tokens, contentWords(tokens));
    }).then(function () {
      return needCorrections(words(query));
    }).then(function () {
      return needTerms(query);
    }).then(function () {
      var ranked = ranking(query);
      return Promise.all([pages(ranked, limit || 10), begrippen_voor(ranked)]);
    }).then(function (found) {
      return {results: found[0], begrippen: found[1], meant: bedoelde_u(query)};
    });
  }

  function link(href, label) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = label;
    return a;
  }

  function show(query, answer) {
    var status = document.getElementById("swv-zoek-status");
    var help = document.getElementById("swv-zoek-hulp");
    var meant = document.getElementById("swv-bedoelde-u");
    var terms = document.getElementById("swv-zoek-begrippen");
    list.textContent = "";
    answer.results.forEach(function (doc) {
      var item = document.createElement("li");
      var title = document.createElement("h2");
      title.appendChild(link(new URL(doc[0], root).href, doc[1] || doc[2]));
      item.appendChild(title);
      if (doc[2] && doc[2] !== doc[1]) {
        var section = document.createElement("p");
        section.className = "swv-zoek-pagina";
        section.textContent = text.on + doc[2];
        item.appendChild(section);
      }
      var snippet = document.createElement("p");
      snippet.textContent = doc[3];
      item.appendChild(snippet);
      list.appendChild(item);
    });
    var n = answer.results.length;
    if (status) {
      status.textContent = n === 0 ? text.none : n === 1 ? text.one : n + text.many;
    }
    if (meant) {
      meant.textContent = "";
      meant.hidden = !answer.meant;
      if (answer.meant) {
        meant.appendChild(document.createTextNode(text.meant));
        var target = new URL("zoeken/", root);
        target.searchParams.set("q", answer.meant);
        meant.appendChild(link(target.href, answer.meant));
        meant.appendChild(document.createTextNode("?"));
      }
    }
    var weak = n < 3 || Boolean(answer.meant);
    if (help) {
      help.hidden = !weak;
    }
    if (terms) {
      var items = terms.querySelector("ul");
      var shown = new Set(answer.results.map(function (doc) { return doc[0]; }));
      var others = answer.begrippen.filter(function (doc) { return !shown.has(doc[0]); });
      items.textContent = "";
      others.forEach(function (doc) {
        var item = document.createElement("li");
        item.appendChild(link(new URL(doc[0], root).href, doc[1]));
        if (doc[3]) {
          item.appendChild(document.createTextNode(": " + doc[3]));
        }
        items.appendChild(item);
      });
      terms.hidden = !weak || !others.length;
    }
  }

  var hint = document.getElementById("swv-zoeken-zonderjs");
  if (hint) {
    hint.hidden = true;
  }
  var query = new URLSearchParams(location.search).get("q") || "";
  var input = form.querySelector("input[name=q]");
  if (input && query) {
    input.value = query;
  }
  if (query.trim() && document.getElementById("swv-zoek-status")) {
    ask(query, 10).then(function (answer) { show(query, answer); });
  }
  window.swvZoeken = {ask: ask};
})();
