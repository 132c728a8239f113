// "Copy into the decision proposal": copies the text of the element a button names and says so in words. The text
// stays visible and selectable, so copying by hand works where the clipboard is not allowed.
(function () {
    'use strict';
    document.querySelectorAll('[data-copy-from]').forEach(function (button) {
        button.addEventListener('click', function () {
            var source = document.getElementById(button.getAttribute('data-copy-from'));
            var status = document.getElementById(button.getAttribute('data-copied-status'));
            if (!source || !status) {
                return;
            }
            var done = function () { status.textContent = status.getAttribute('data-copied-text'); };
            var failed = function () {
                source.focus();
                source.select();
                status.textContent = status.getAttribute('data-failed-text');
            };
            if (navigator.clipboard && navigator.clipboard.writeText) {
                navigator.clipboard.writeText(source.value).then(done, failed);
            } else {
                failed();
            }
        });
    });
})();
