/* Service finder: filters and ranks the services on the finder page by a child's age, the
   level of need and the need. The choices live in the page address
   (?age=15&level=3&need=exploitation) so a link can be shared. Without JavaScript the form
   stays hidden and every service is listed, in the guide's order.

   What is shown:
   - with an age, first the services whose stated ages fit it, then, in their own group, those
     whose ages the guide does not state; a service whose stated range excludes the age is not
     shown. Above the oldest age the guide covers, no service is shown and the page says whom
     the guide covers.
   - with a need, only the services that help with it.
   - in each group, best match first: the need as the service's main need (its first tag)
     before a secondary need, then the services at the chosen level before the others (a
     level ranks, it does not hide: many services' levels are inferred from the guide's
     wording, see their notes), then (before birth, with no need chosen) the services for
     pregnancy, then the guide's order; temporarily closed services last.
   The page's words are in its template (finder.md.j2); this script chooses among them. */
(function () {
  "use strict";

  var form = document.getElementById("finder-form");
  if (!form) {
    return;
  }
  var age = document.getElementById("finder-age");
  var unborn = document.getElementById("finder-unborn");
  var level = document.getElementById("finder-level");
  var need = document.getElementById("finder-need");
  var count = document.getElementById("finder-count");
  var order = document.getElementById("finder-order");
  var fitGroup = document.getElementById("finder-fit");
  var fitHeading = document.querySelector("#finder-fit-heading [data-any]");
  var unstatedGroup = document.getElementById("finder-unstated");
  var unstatedNote = unstatedGroup.querySelector(".finder-note");
  var messages = {
    unknownNeed: document.getElementById("finder-unknown-need"),
    unknownLevel: document.getElementById("finder-unknown-level"),
    badAge: document.getElementById("finder-bad-age"),
    tooOld: document.getElementById("finder-too-old"),
    none: document.getElementById("finder-none"),
  };
  var oldest = parseFloat(form.dataset.oldest);
  var preBirthNeed = unborn.dataset.need;
  // The guide's order, as the page lists the services.
  var services = Array.prototype.slice.call(document.querySelectorAll(".finder-service"));
  // What a shared link asked for that the finder cannot apply; said until the next change.
  var fromLink = {};

  function hasOption(select, value) {
    return Array.prototype.some.call(select.options, function (option) {
      return option.value === value;
    });
  }

  function filterFromAddress() {
    var params = new URLSearchParams(window.location.search);
    var wantedAge = (params.get("age") || "").trim();
    var wantedLevel = params.get("level") || "";
    var wantedNeed = params.get("need") || "";
    fromLink = {};
    unborn.checked = wantedAge.toLowerCase() === "unborn";
    age.value = "";
    if (!unborn.checked && wantedAge !== "") {
      if (readAge(wantedAge) === null) {
        fromLink.age = wantedAge;
      } else {
        age.value = wantedAge;
      }
    }
    age.disabled = unborn.checked;
    level.value = hasOption(level, wantedLevel) ? wantedLevel : "";
    if (wantedLevel !== "" && level.value === "") {
      fromLink.level = wantedLevel;
    }
    need.value = hasOption(need, wantedNeed) ? wantedNeed : "";
    if (wantedNeed !== "" && need.value === "") {
      fromLink.need = wantedNeed;
    }
  }

  // An age in years (0 or more), or null for anything else ("abc", "-3").
  function readAge(text) {
    if (!/^\s*\d+(\.\d+)?\s*$/.test(text)) {
      return null;
    }
    return parseFloat(text);
  }

  function currentFilter() {
    var typed = age.value.trim();
    var years = unborn.checked ? null : readAge(typed);
    return {
      age: unborn.checked ? "unborn" : (years === null ? "" : typed),
      years: years,
      badAge: !unborn.checked && typed !== "" && years === null ? typed : null,
      level: level.value,
      need: need.value,
    };
  }

  // "fits", "unstated" or "outside": where a service stands for the chosen age.
  function ageFit(element, filter) {
    var min = element.dataset.min;
    var max = element.dataset.max;
    if (filter.age === "") {
      return "fits";
    }
    if (filter.age === "unborn") {
      if (min === "unborn") {
        return "fits";
      }
      // A range stated from 0 (or later) is for a born child: it is not pre-birth work, so
      // it is not shown. Where the guide states no youngest age (no ages at all, or only
      // "up to 25"), it does not say whether the service starts before birth.
      return min === "" ? "unstated" : "outside";
    }
    if (min === "" && max === "") {
      return "unstated";
    }
    // An open end is the guide's "and over" or "up to".
    var fromOk = min === "" || min === "unborn" || filter.years >= parseFloat(min);
    var toOk = max === "" || filter.years <= parseFloat(max);
    return fromOk && toOk ? "fits" : "outside";
  }

  function helpsWith(element, filter) {
    return filter.need === "" || element.dataset.needs.split(" ").indexOf(filter.need) !== -1;
  }

  // Smaller is better; see the ordering at the top of this file.
  function rank(element, filter) {
    var needs = element.dataset.needs.split(" ");
    var levels = element.dataset.levels.split(" ");
    return [
      element.dataset.status === "temporarily-closed" ? 1 : 0,
      filter.need !== "" && needs[0] !== filter.need ? 1 : 0,
      filter.level !== "" && levels.indexOf(filter.level) === -1 ? 1 : 0,
      // Before birth with no need chosen, the pregnancy services come first: most of them
      // state no ages, so their group would otherwise open with the front door's teams.
      filter.age === "unborn" && filter.need === "" && needs.indexOf(preBirthNeed) === -1 ? 1 : 0,
      services.indexOf(element),
    ];
  }

  function byRank(filter) {
    return function (a, b) {
      var ra = rank(a, filter);
      var rb = rank(b, filter);
      for (var i = 0; i < ra.length; i++) {
        if (ra[i] !== rb[i]) {
          return ra[i] - rb[i];
        }
      }
      return 0;
    };
  }

  function say(message, value) {
    message.hidden = value === null || value === undefined;
    var slot = message.querySelector("[data-slot]");
    if (slot && !message.hidden) {
      slot.textContent = value;
    }
  }

  function plural(n, one, many) {
    return n === 1 ? one : many;
  }

  function countLine(filter, fits, unstated) {
    var filtered = filter.age !== "" || filter.level !== "" || filter.need !== "";
    if (!filtered) {
      return fits + " " + plural(fits, "service.", "services.");
    }
    var line = fits === 0 ? "No services match"
      : fits + " " + plural(fits, "service matches", "services match");
    if (unstated > 0) {
      line += ", and " + unstated + " whose ages the guide does not state";
    }
    return line + ".";
  }

  // " for young carers", " for exploitation at age 3", " before birth": what found nothing.
  function noneFor(filter) {
    var option = need.options[need.selectedIndex];
    var words = filter.need !== "" ? " for " + option.dataset.phrase : "";
    if (filter.need !== "" && option.dataset.served === "no") {
      return words; // no service of this borough helps with it, at any age
    }
    if (filter.age === "unborn") {
      words += " before birth";
    } else if (filter.age !== "") {
      words += (filter.need !== "" ? " at age " : " for age ") + filter.years;
    }
    return words;
  }

  function apply() {
    var filter = currentFilter();
    var tooOld = filter.years !== null && filter.years > oldest;
    var fits = [];
    var unstated = [];
    var hidden = [];
    services.forEach(function (element) {
      var where = tooOld || !helpsWith(element, filter) ? "outside" : ageFit(element, filter);
      (where === "fits" ? fits : where === "unstated" ? unstated : hidden).push(element);
    });
    fits.sort(byRank(filter));
    unstated.sort(byRank(filter));
    fits.concat(hidden).forEach(function (element) {
      element.hidden = hidden.indexOf(element) !== -1;
      fitGroup.appendChild(element);
    });
    unstated.forEach(function (element) {
      element.hidden = false;
      unstatedGroup.appendChild(element);
    });

    var kind = filter.age === "unborn" ? "unborn" : filter.age !== "" ? "age" : "any";
    fitHeading.textContent = fitHeading.dataset[kind].replace("{age}", filter.years);
    fitGroup.hidden = fits.length === 0;
    unstatedGroup.hidden = unstated.length === 0;
    unstatedNote.textContent = unstatedNote.dataset[kind === "unborn" ? "unborn" : "age"];

    var nothing = fits.length === 0 && unstated.length === 0;
    say(messages.unknownNeed, fromLink.need);
    say(messages.unknownLevel, fromLink.level);
    say(messages.badAge, fromLink.age !== undefined ? fromLink.age : filter.badAge);
    say(messages.tooOld, tooOld ? String(filter.years) : null);
    say(messages.none, nothing && !tooOld ? noneFor(filter) : null);
    count.hidden = nothing;
    count.textContent = nothing ? "" : countLine(filter, fits.length, unstated.length);
    order.hidden = nothing;
  }

  function remember() {
    var filter = currentFilter();
    var params = new URLSearchParams();
    ["age", "level", "need"].forEach(function (key) {
      if (filter[key] !== "") {
        params.set(key, filter[key]);
      }
    });
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }

  function changed() {
    fromLink = {};
    age.disabled = unborn.checked;
    apply();
    remember();
  }

  form.hidden = false;
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(changed, 0); });
  filterFromAddress();
  apply();
  remember();
})();
