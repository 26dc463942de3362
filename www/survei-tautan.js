// The impact survey's link: a coordinator shares this page's address with `#survei=<invitation>`
// (the widget's "Tautan formulir survei"); opened, the page's widget shows the survey form of
// one sub-dimension instead of the evaluation. Runs before element.js, so the element starts
// as the survey.
const m = /^#survei=(.+)$/.exec(location.hash);
const el = document.querySelector('swanilai-assessment');
if (m && el) {
  let invite = '';
  try {
    invite = decodeURIComponent(m[1]);
  } catch {
    invite = '{'; // damaged: the element says so
  }
  el.setAttribute('survey', invite);
  const h1 = document.querySelector('h1');
  if (h1) h1.textContent = 'Survei dampak smart city';
  // The official's steps are not the respondent's: what to do instead.
  const steps = document.querySelector('[data-langkah]');
  if (steps) {
    const p = document.createElement('p');
    p.setAttribute('data-responden', '');
    p.textContent =
      'Pilih jawaban yang paling sesuai dengan pengalaman Anda untuk setiap pernyataan, lalu tekan "Ekspor JSON" dan kirim berkasnya kepada petugas. Jawaban Anda tersimpan di perangkat ini saja sampai Anda mengirim berkas itu.';
    steps.replaceWith(p);
  }
  document.title = 'Survei dampak smart city — Pemerintah Kabupaten Banjar';
}
