/* Glossary terms (a.zb-term). Hover and keyboard focus show the definition through Material's
   tooltips (content.tooltips, from the title attribute). A touch screen has no hover, so there
   the first tap on a term shows its definition and a second tap follows the link. */
(function () {
  "use strict";
  var lastPointer = "mouse";
  var armed = null;
  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
  }, true);
  document.addEventListener("click", function (event) {
    var term = event.target instanceof Element ? event.target.closest("a.zb-term") : null;
    if (!term || lastPointer !== "touch" || armed === term) return;
    event.preventDefault();
    armed = term;
    term.focus();
  }, true);
  document.addEventListener("focusout", function (event) {
    if (event.target === armed) armed = null;
  }, true);
})();
