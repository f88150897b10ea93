/**
 * The public pages' one stylesheet, inlined in <style> (no request, no render-blocking file): mobile first,
 * system fonts, readable at 360 px; colours chosen for at least 4.5:1 contrast on white.
 */
export const PUBLIC_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1f2328;background:#fff}
a{color:#0b57a4}
a:hover,a:focus{color:#08427d}
:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
img{max-width:100%;height:auto}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem}
header.site{background:#0b4f8a;color:#fff}
header.site a{color:#fff}
.brand{display:block;font-weight:700;font-size:1.1rem;padding:.75rem 0;text-decoration:none}
nav.menu ul{list-style:none;margin:0;padding:0 0 .5rem;display:flex;flex-wrap:wrap;gap:.25rem .9rem}
nav.menu a{display:inline-block;padding:.3rem 0;text-decoration:none}
nav.menu a:hover,nav.menu a:focus,nav.menu a[aria-current]{text-decoration:underline}
form.search{display:flex;gap:.5rem;padding:0 0 .75rem}
form.search input{flex:1;min-width:0}
input,select,button{font:inherit;padding:.45rem .6rem;border:1px solid #6e7781;border-radius:4px}
button{background:#0b57a4;color:#fff;border-color:#0b57a4;cursor:pointer}
main{padding:1rem 0 2rem}
h1{font-size:1.6rem;line-height:1.3;margin:.5rem 0 .75rem}
h2{font-size:1.3rem;line-height:1.35;margin:1.5rem 0 .5rem}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
.meta{color:#57606a;font-size:.9rem;margin:0 0 1rem}
.lead{font-weight:600}
figure{margin:1rem 0}
figcaption{color:#57606a;font-size:.9rem;text-align:center}
.body table{border-collapse:collapse;display:block;overflow-x:auto}
.body td,.body th{border:1px solid #d0d7de;padding:.3rem .5rem}
.body blockquote{border-left:4px solid #d0d7de;margin:1rem 0;padding:0 1rem;color:#424a53}
.tags{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.tags li{background:#eef2f6;border-radius:3px;padding:0 .5rem;font-size:.9rem}
.cards{list-style:none;padding:0;margin:0;display:grid;gap:1.25rem}
.card{display:grid;gap:.5rem}
.card h2,.card h3{margin:0;font-size:1.1rem}
.card p{margin:0}
.card img{border-radius:4px;aspect-ratio:3/2;object-fit:cover;width:100%}
.pager{display:flex;justify-content:space-between;gap:1rem;margin:1.5rem 0}
.figures{list-style:none;padding:0;display:grid;grid-template-columns:repeat(2,1fr);gap:.75rem}
.figures li{background:#eef2f6;border-radius:4px;padding:.6rem}
.figures strong{display:block;font-size:1.4rem}
.list{padding-left:1.2rem}
.list li{margin:.4rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
mark{background:#fff3b0;color:inherit}
.directory-form{display:grid;gap:.75rem;margin:0 0 1rem}
.field{display:grid;gap:.25rem}
.entries{list-style:none;padding:0;margin:0}
.entry{display:grid;gap:.1rem;border-bottom:1px solid #d0d7de;padding:.6rem 0}
.entry .meta{margin:0}
.figures span{display:block}
.table-scroll{overflow-x:auto;margin:1rem 0}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:600;padding:.25rem 0}
td,th{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;font-weight:400}
thead th{font-weight:600}
.num{text-align:right;white-space:nowrap}
.year-form{display:flex;gap:.5rem;align-items:center;margin:0 0 1rem}
footer.site{background:#f3f5f7;border-top:1px solid #d0d7de;padding:1.25rem 0;font-size:.9rem;color:#424a53}
footer.site ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
@media (min-width:40rem){
h1{font-size:2rem}
.cards{grid-template-columns:repeat(2,1fr)}
.figures{grid-template-columns:repeat(4,1fr)}
.directory-form{grid-template-columns:2fr 1fr 1fr auto;align-items:end}
}
@media (min-width:60rem){.cards.three{grid-template-columns:repeat(3,1fr)}}
`.replace(/\n/g, '');
