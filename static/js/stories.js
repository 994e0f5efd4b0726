/*
 * The public story list, enhanced: "See more stories" appends the next stories in place, and the filter form
 * leaves its empty choices out of the address.
 *
 * Without this script everything still works: the link opens the next page of stories and the form sends every
 * field. Hooks are data-* attributes set by templates/components/story_more.html and story_filters.html.
 */
(function () {
    "use strict";

    if (!("fetch" in window) || !("DOMParser" in window)) {
        return;
    }

    function isPlainClick(event) {
        return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
    }

    async function loadMore(link) {
        const list = document.querySelector("[data-stories-list]");
        const nav = document.querySelector("[data-stories-nav]");
        const status = document.querySelector("[data-stories-status]");
        const response = await fetch(link.href, { credentials: "same-origin", headers: { Accept: "text/html" } });
        if (!response.ok) {
            throw new Error("HTTP " + response.status);
        }
        const next = new DOMParser().parseFromString(await response.text(), "text/html");
        const nextList = next.querySelector("[data-stories-list]");
        const nextNav = next.querySelector("[data-stories-nav]");
        if (!nextList || !nextNav) {
            throw new Error("No stories in the next page");
        }

        const items = Array.from(nextList.children);
        items.forEach(function (item) {
            list.appendChild(document.adoptNode(item));
        });

        // The next page's navigation says how far we are and where to go next; its "previous" link makes no
        // sense here, where the previous stories are still on screen.
        const previous = nextNav.querySelector("[data-stories-previous]");
        if (previous) {
            previous.remove();
        }
        const shown = nextNav.querySelector("[data-stories-shown]");
        if (shown) {
            shown.textContent = nextNav.dataset.shownMessage;
        }
        nav.replaceWith(document.adoptNode(nextNav));
        if (status) {
            status.textContent = nextNav.dataset.loadedMessage;
        }

        // Keyboard and screen reader users carry on from the first new story.
        const firstLink = items.length ? items[0].querySelector("a[href]") : null;
        if (firstLink) {
            firstLink.focus({ preventScroll: false });
        }
    }

    document.addEventListener("click", function (event) {
        const link = event.target.closest("[data-stories-more]");
        if (!link || event.defaultPrevented || !isPlainClick(event) || !document.querySelector("[data-stories-list]")) {
            return;
        }
        event.preventDefault();
        if (link.getAttribute("aria-disabled") === "true") {
            return;
        }
        link.setAttribute("aria-disabled", "true");
        loadMore(link).catch(function () {
            // Whatever went wrong, the plain link still works: follow it.
            window.location.assign(link.href);
        });
    });

    // On a wide screen there is room for every filter: unfold them (on a phone they stay folded unless in use).
    const moreFilters = document.querySelector("[data-story-filters-more]");
    if (moreFilters && window.matchMedia("(min-width: 56em)").matches) {
        moreFilters.open = true;
    }

    // An address with only the filters in use is shorter to share. The search box is always sent: it tells the
    // list the form was used, so that an unchecked "hide those who found a job" box stays unchecked.
    document.addEventListener("submit", function (event) {
        const form = event.target.closest("[data-story-filters]");
        if (!form) {
            return;
        }
        form.querySelectorAll("select").forEach(function (select) {
            if (!select.value) {
                select.disabled = true;
                window.setTimeout(function () {
                    select.disabled = false;
                });
            }
        });
    });
})();
