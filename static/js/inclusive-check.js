/*
 * The inclusive-offer check, live: as the recruiter types, tips for an inclusive offer appear under the text.
 *
 * Without this script the form's "Check my text" button gives the same tips after a page load. Hooks are data-*
 * attributes: the form carries data-inclusive-check-url, the watched fields data-inclusive-check, and the tips go
 * into [data-inclusive-findings]. The fields are POSTed with the form's CSRF token 700 ms after the last key stroke;
 * the server answers the tips as HTML (templates/components/inclusive_findings.html). Any failure leaves the page
 * as it is: tips are a help, never an obstacle.
 */
(function () {
    "use strict";

    if (!("fetch" in window) || !("FormData" in window)) {
        return;
    }

    var DELAY = 700;

    function fieldsData(form, fields) {
        var data = new FormData();
        fields.forEach(function (field) {
            if (field.type === "checkbox" || field.type === "radio") {
                if (field.checked) {
                    data.append(field.name, field.value);
                }
            } else {
                data.append(field.name, field.value);
            }
        });
        return data;
    }

    function signature(data) {
        var parts = [];
        data.forEach(function (value, name) {
            parts.push(name + "=" + value);
        });
        return parts.join("\u0000");
    }

    // Keep the live region itself in place and change only what it holds: screen readers announce changes in a
    // region that was already there, not in one just added.
    function show(container, html) {
        var template = document.createElement("template");
        template.innerHTML = html;
        var fresh = template.content.querySelector("#inclusive-findings");
        var current = container.querySelector("#inclusive-findings");
        if (fresh && current) {
            current.innerHTML = fresh.innerHTML;
        } else {
            container.innerHTML = html;
        }
    }

    function enhance(form) {
        var url = form.dataset.inclusiveCheckUrl;
        var container = form.querySelector("[data-inclusive-findings]");
        var fields = Array.prototype.slice.call(form.querySelectorAll("[data-inclusive-check]"));
        var token = form.querySelector("input[name=csrfmiddlewaretoken]");
        if (!url || !container || !fields.length || !token) {
            return;
        }

        var timer = null;
        var controller = null;
        var lastChecked = signature(fieldsData(form, fields));

        function check() {
            var data = fieldsData(form, fields);
            var current = signature(data);
            if (current === lastChecked) {
                return;
            }
            data.append("csrfmiddlewaretoken", token.value);
            if (controller) {
                controller.abort();
            }
            controller = "AbortController" in window ? new AbortController() : null;
            fetch(url, {
                method: "POST",
                body: data,
                credentials: "same-origin",
                headers: { Accept: "application/json" },
                signal: controller ? controller.signal : undefined,
            })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error("HTTP " + response.status);
                    }
                    return response.json();
                })
                .then(function (answer) {
                    lastChecked = current;
                    show(container, answer.html);
                })
                .catch(function () {
                    // No tips this time (offline, aborted, server busy): the recruiter keeps writing undisturbed.
                });
        }

        function later() {
            window.clearTimeout(timer);
            timer = window.setTimeout(check, DELAY);
        }

        fields.forEach(function (field) {
            field.addEventListener("input", later);
            field.addEventListener("change", later);
        });
    }

    document.querySelectorAll("form[data-inclusive-check-url]").forEach(enhance);
})();
