// The data page's old addresses: the dictionary, the conventions and the notes on
// confidence and dates moved to /LANG/data/dictionary with the same anchors; an anchor
// this page no longer has (#field-..., #set-...), or one it keeps only as a link to the
// part that moved (data-moved), goes there.
(function () {
	var id = decodeURIComponent(location.hash.slice(1)), e;
	e = id ? document.getElementById(id) : null;
	if (id && (!e || e.hasAttribute('data-moved')))
		location.replace(location.pathname.replace(/\/?$/, '/dictionary') + location.hash);
})();
