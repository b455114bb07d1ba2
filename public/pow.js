/* The proof of work of a citizen's form (cgi-src/lib/pow.h): when the site is under
 * pressure and this network has already sent several submissions today, the form comes
 * back with a challenge "D-hex".  This script finds a nonce such that
 * SHA-256(challenge ":" nonce) begins with D zero bits, puts it in the form and sends
 * the form again.  Without it (no script, no Web Crypto), the page asks the citizen to
 * wait some seconds and press Send, which the server also accepts.  The citizen can
 * still press Send, type or leave at any time: nothing is blocked. */
(function () {
	'use strict';
	var input = document.querySelector('input[name="pow_challenge"]');
	var status = document.getElementById('pow-status');
	var BATCH = 256; /* digests asked at once: fewer round trips to the crypto thread */

	if (!input || !input.form || !window.crypto || !window.crypto.subtle ||
	    !window.TextEncoder || !window.Promise)
		return;
	var form = input.form;
	var nonce = form.querySelector('input[name="pow_nonce"]');
	var challenge = input.value;
	var bits = parseInt(challenge, 10);
	var enc = new TextEncoder();

	if (!nonce || !(bits > 0 && bits <= 32))
		return;

	/* True when the digest d begins with bits zero bits. */
	function proves(d) {
		var b = new Uint8Array(d), i = 0, left = bits;

		for (; left >= 8; left -= 8, i++)
			if (b[i] !== 0)
				return false;
		return left === 0 || (b[i] >> (8 - left)) === 0;
	}

	/* Tries the nonces from start on, BATCH at a time; resolves to the first that
	 * proves the challenge. */
	function search(start) {
		var tries = [], k;

		for (k = 0; k < BATCH; k++)
			tries.push(crypto.subtle.digest('SHA-256', enc.encode(challenge + ':' + (start + k))));
		return Promise.all(tries).then(function (ds) {
			for (var j = 0; j < ds.length; j++)
				if (proves(ds[j]))
					return start + j;
			return search(start + BATCH);
		});
	}

	if (status && status.getAttribute('data-working'))
		status.textContent = status.getAttribute('data-working');
	search(0).then(function (n) {
		nonce.value = String(n);
		if (status && status.getAttribute('data-done'))
			status.textContent = status.getAttribute('data-done');
		if (form.requestSubmit)
			form.requestSubmit();
		else
			form.submit();
	}, function () {
		/* Web Crypto refused (an insecure context): the page's own words stand. */
	});
})();
