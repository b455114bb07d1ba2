/* The proof of work of a citizen's form (cgi-src/lib/pow.h): when the site is under
 * pressure and this network has already sent several submissions today, the form comes
 * back with a challenge "D-hex".  This script finds a nonce such that
 * SHA-256(challenge ":" nonce) begins with D zero bits, puts it in the form and sends
 * the form again.  The search runs in a worker (this same file), so that the page
 * stays responsive: the citizen can still read, type, press Send or leave at any time.
 * Without script, workers or Web Crypto, the page's own words stand: wait some seconds
 * and press Send, which the server also accepts. */
(function () {
	'use strict';
	var BATCH = 256; /* digests asked at once: fewer round trips to the crypto thread */

	/* True when the digest d begins with bits zero bits. */
	function proves(d, bits) {
		var b = new Uint8Array(d), i = 0;

		for (; bits >= 8; bits -= 8, i++)
			if (b[i] !== 0)
				return false;
		return bits === 0 || (b[i] >> (8 - bits)) === 0;
	}

	/* Tries the nonces of challenge from start on, BATCH at a time; resolves to the
	 * first that proves it. */
	function search(challenge, start) {
		var enc = new TextEncoder(), bits = parseInt(challenge, 10), tries = [], k;

		for (k = 0; k < BATCH; k++)
			tries.push(crypto.subtle.digest('SHA-256', enc.encode(challenge + ':' + (start + k))));
		return Promise.all(tries).then(function (ds) {
			for (var j = 0; j < ds.length; j++)
				if (proves(ds[j], bits))
					return start + j;
			return search(challenge, start + BATCH);
		});
	}

	if (typeof document === 'undefined') {
		/* The worker: one challenge in, its nonce out. */
		self.onmessage = function (e) {
			search(String(e.data), 0).then(function (n) {
				self.postMessage(n);
			});
		};
		return;
	}

	var input = document.querySelector('input[name="pow_challenge"]');
	var status = document.getElementById('pow-status');
	var script = document.currentScript;

	if (!input || !input.form || !script || !window.Worker || !window.crypto ||
	    !window.crypto.subtle || !window.TextEncoder || !window.Promise)
		return;
	var form = input.form;
	var nonce = form.querySelector('input[name="pow_nonce"]');
	var bits = parseInt(input.value, 10);

	if (!nonce || !(bits > 0 && bits <= 32))
		return;
	var worker;
	try {
		worker = new Worker(script.src);
	} catch (e) {
		return; /* refused: the page's own words stand */
	}
	worker.onmessage = function (e) {
		nonce.value = String(e.data);
		worker.terminate();
		if (status && status.getAttribute('data-done'))
			status.textContent = status.getAttribute('data-done');
		if (form.requestSubmit)
			form.requestSubmit();
		else
			form.submit();
	};
	var wait = status ? status.textContent : '';
	worker.onerror = function () {
		/* The worker failed: back to waiting and pressing Send. */
		if (status)
			status.textContent = wait;
	};
	worker.postMessage(input.value);
	if (status && status.getAttribute('data-working'))
		status.textContent = status.getAttribute('data-working');
})();
