/*
 * Share buttons, as a progressive enhancement (templates/components/share_links.html).
 *
 * Without JavaScript the network links work on their own: each goes through our counting redirect.
 * With it, two more buttons appear where the browser can do the job: "Share…" (the phone's share menu,
 * navigator.share) and "Copy the link" (navigator.clipboard). Both tell our server about the share with a
 * POST (no CSRF token: the page is the same for everyone, and a count needs none); nothing is sent anywhere else.
 */
(function () {
    "use strict";

    function recordShare(container, channel) {
        var body = new URLSearchParams();
        body.append("channel", channel);
        return fetch(container.dataset.shareRecord, {
            method: "POST",
            body: body,
            credentials: "omit",
            keepalive: true,
        }).catch(function () {
            // A share that could not be counted is still a share: never bother the visitor with it.
        });
    }

    function announce(container, message) {
        var status = container.querySelector("[data-share-status]");
        if (status) {
            status.textContent = message;
        }
    }

    function enhance(container) {
        var url = container.dataset.shareUrl;

        var nativeButton = container.querySelector("[data-share-native]");
        var shareData = { title: container.dataset.shareTitle, text: container.dataset.shareText, url: url };
        if (nativeButton && navigator.share && (!navigator.canShare || navigator.canShare(shareData))) {
            container.querySelector("[data-share-native-item]").hidden = false;
            nativeButton.addEventListener("click", function () {
                navigator.share(shareData).then(
                    function () { recordShare(container, "native"); },
                    function () { /* The visitor closed the menu: nothing was shared. */ }
                );
            });
        }

        var copyButton = container.querySelector("[data-share-copy]");
        if (copyButton && navigator.clipboard && window.isSecureContext) {
            container.querySelector("[data-share-copy-item]").hidden = false;
            copyButton.addEventListener("click", function () {
                navigator.clipboard.writeText(url).then(
                    function () {
                        announce(container, container.dataset.shareCopied);
                        recordShare(container, "copy_link");
                    },
                    function () { announce(container, container.dataset.shareCopyFailed); }
                );
            });
        }
    }

    document.querySelectorAll("[data-share]").forEach(enhance);
})();
