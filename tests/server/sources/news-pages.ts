/**
 * Named fixtures for the page extraction and fetching tests: article pages written for these tests,
 * shaped like real news pages (cookie banner, navigation, ad slots, related links, comments, footer,
 * Open Graph tags, JSON-LD), each with the facts a correct extraction must find and the chrome it must
 * leave out. The stories are invented.
 */

/** One page, what its article says, and what must not be taken for article text. */
export interface NewsPage {
  html: string;
  /** Sentences of the article body, in order. */
  article: string[];
  /** Text of the page's chrome: none of it may appear in the extracted text. */
  chrome: string[];
}

const WATER_PARAGRAPHS = [
  'The Millbrook city council voted seven to two on Tuesday night to replace the lead service lines that still feed about 4,100 homes on the east side, ending a debate that had run for most of the year.',
  'The plan will cost an estimated $38 million over six years. Roughly half is expected to come from a state revolving loan, with the rest raised through a water rate increase of about 4 percent a year until 2031.',
  'Council member Dana Ortiz, who proposed the measure, said the city could not keep asking families to run their taps for two minutes every morning. “We know where the pipes are and we know what is in them,” she said.',
  'The two members who voted against it, Ray Holm and Petra Lind, said they supported replacing the lines but objected to the rate increase, arguing that the state should carry a larger share of the cost.',
  'Work is scheduled to begin in the spring on Garfield Avenue, where tests last summer found lead levels above the federal action level in 11 of 40 homes sampled.',
];

/** A full news page with Open Graph and article meta tags, and every kind of chrome around the story. */
export const COURIER_PAGE: NewsPage = {
  article: WATER_PARAGRAPHS,
  chrome: [
    'We use cookies to improve your experience',
    'Subscribe for $1 a week',
    'Advertisement',
    'Sponsored: Refinance your home today',
    'School board delays vote on new calendar',
    'This is an outrage, the council never listens',
    'Copyright 2024 The Millbrook Courier',
    'Sports',
  ],
  html: `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Council votes to replace lead pipes | The Millbrook Courier</title>
  <meta property="og:title" content="Council votes to replace lead pipes on the east side | The Millbrook Courier">
  <meta property="og:site_name" content="The Millbrook Courier">
  <meta property="og:url" content="https://www.millbrookcourier.example/news/2024/03/12/council-lead-pipes">
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="2024-03-12T22:41:00-05:00">
  <meta property="article:author" content="https://www.millbrookcourier.example/staff/jane-alvarez">
  <meta name="author" content="Jane Alvarez">
  <link rel="stylesheet" href="/site.css">
  <script>window.dataLayer = window.dataLayer || []; function track() { return "Subscribe for $1 a week"; }</script>
</head>
<body>
  <div id="cookie-consent" class="cookie-banner" role="dialog" aria-modal="true">
    <p>We use cookies to improve your experience. By continuing you agree to our cookie policy.</p>
    <button>Accept all</button>
  </div>
  <header class="site-header">
    <a class="logo" href="/">The Millbrook Courier</a>
    <nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sports">Sports</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/obits">Obituaries</a></li></ul></nav>
    <a class="subscribe" href="/subscribe">Subscribe for $1 a week</a>
  </header>
  <div class="ad ad-leaderboard"><span>Advertisement</span><div class="ad-slot"></div></div>
  <main>
    <article class="story">
      <header>
        <h1>Council votes to replace lead pipes on the east side</h1>
        <p class="byline">By <a href="/staff/jane-alvarez">Jane Alvarez</a></p>
        <time datetime="2024-03-12T22:41:00-05:00">March 12, 2024</time>
      </header>
      <div class="story-body">
        <p>${WATER_PARAGRAPHS[0]}</p>
        <p>${WATER_PARAGRAPHS[1]}</p>
        <div class="ad ad-inline"><span>Advertisement</span></div>
        <p>${WATER_PARAGRAPHS[2].replace('“', '&ldquo;').replace('”', '&rdquo;').replace('Dana Ortiz', '<strong>Dana\n          Ortiz</strong>')}</p>
        <p>${WATER_PARAGRAPHS[3]}</p>
        <p>${WATER_PARAGRAPHS[4]}</p>
      </div>
    </article>
    <aside class="related">
      <h2>Related stories</h2>
      <ul>
        <li><a href="/news/school-calendar">School board delays vote on new calendar</a></li>
        <li><a href="/news/bridge">Bridge repairs to close Main Street for a week</a></li>
      </ul>
      <div class="sponsored">Sponsored: Refinance your home today</div>
    </aside>
    <section id="comments" class="comments">
      <h2>Comments</h2>
      <div class="comment"><p class="comment-author">riverwatcher</p><p>This is an outrage, the council never listens to anyone who lives here.</p></div>
      <div class="comment"><p class="comment-author">mb_resident</p><p>Finally. My street has waited for this since the last inspection.</p></div>
    </section>
  </main>
  <footer class="site-footer"><p>Copyright 2024 The Millbrook Courier. All rights reserved.</p><nav><a href="/about">About</a> <a href="/privacy">Privacy</a></nav></footer>
</body>
</html>`,
};

const PORT_PARAGRAPHS = [
  'Dock workers at the port of Halden returned to work on Monday after a four-day strike over shift scheduling, the operator and the union said in a joint statement.',
  'The agreement limits night shifts to three in a row and adds a paid rest day after every twelve-hour weekend shift. It runs until the end of 2026 and will be put to a vote of members next month.',
  'About 260 container ships were delayed during the stoppage, according to the harbour master, and the backlog is expected to take at least a week to clear.',
  'Shipping companies had warned that the strike would raise freight costs for importers across the region, which relies on Halden for most of its fuel and grain.',
];

/** A page whose metadata is JSON-LD only (an @graph with a NewsArticle), with a relative canonical link. */
export const HARBOUR_PAGE: NewsPage = {
  article: PORT_PARAGRAPHS,
  chrome: ['Most read', 'Ferry timetable changes for the summer', 'Sign up for our morning briefing', 'Harbour Times Media Group'],
  html: `<!doctype html>
<html><head>
<title>Halden dock strike ends with deal on night shifts - Harbour Times</title>
<link rel="canonical" href="/business/2023/06/halden-strike-ends">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Harbour Times", "url": "https://harbourtimes.example"},
  {"@type": ["NewsArticle"], "headline": "Halden dock strike ends with deal on night shifts",
   "datePublished": "2023-06-05T07:15:00Z", "dateModified": "2023-06-05T09:00:00Z",
   "author": [{"@type": "Person", "name": "Tomas Berg"}, {"@type": "Person", "name": "Ines Falk"}],
   "publisher": {"@type": "Organization", "name": "Harbour Times"}}
]}
</script>
<script type="application/ld+json">{ this block is broken and must be skipped </script>
</head>
<body>
<div class="top-bar"><a href="/">Home</a> | <a href="/business">Business</a> | <a href="/shipping">Shipping</a></div>
<div class="layout">
  <div class="content">
    <h1 class="headline">Halden dock strike ends with deal on night shifts</h1>
    <div class="article-text">
      ${PORT_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n      ')}
    </div>
    <div class="newsletter-signup"><p>Sign up for our morning briefing</p><input type="email"></div>
  </div>
  <div class="sidebar">
    <h3>Most read</h3>
    <ol><li><a href="/a">Ferry timetable changes for the summer</a></li><li><a href="/b">New fish market opens on the quay</a></li></ol>
  </div>
</div>
<div class="footer">Harbour Times Media Group</div>
</body></html>`,
};

const LIBRARY_PARAGRAPHS = [
  'The county library will open on Sundays again from the first weekend of September, after a two-year pause caused by staff shortages.',
  'Director Jo Park said the branch had hired four librarians since January and that Sunday opening had been the most common request in a survey of 1,800 readers.',
  'The library will also lend tools and board games, and will keep its reading room open until nine on weekday evenings.',
];

/**
 * A plain page: no Open Graph, no JSON-LD; only a `<title>` with the site name, a visible byline,
 * a `<time datetime>` in the article and an unrelated one in the sidebar. The outlet must come from
 * the host name.
 */
export const LIBRARY_PAGE: NewsPage = {
  article: LIBRARY_PARAGRAPHS,
  chrome: ['Events this week', 'Jazz night at the town hall'],
  html: `<html><head><title>Library returns to Sunday opening | County Gazette</title></head>
<body>
<aside class="sidebar"><h4>Events this week</h4><p><time datetime="2022-08-30">Aug 30</time> Jazz night at the town hall</p></aside>
<div id="main">
  <h1>Library returns to Sunday opening</h1>
  <div class="byline">By Jo Park</div>
  <p class="dateline"><time datetime="2022-08-21T10:00">August 21, 2022</time></p>
  ${LIBRARY_PARAGRAPHS.map((p) => `<p>${p} The change was approved by the county board without debate, and the budget for it comes from the existing staff line.</p>`).join('\n  ')}
</div>
</body></html>`,
};

/** A page with no article: a link list, the kind Readability finds nothing in. */
export const INDEX_PAGE_HTML = `<html><head><title>Archive</title><script>var x = 1;</script></head>
<body><nav><a href="/">Home</a></nav><ul class="links"><li><a href="/1">March</a></li><li><a href="/2">April</a></li></ul>
<footer>Footer text</footer></body></html>`;

/** A page with nothing readable at all. */
export const EMPTY_PAGE_HTML = '<html><head><title></title><script>document.write("x")</script></head><body><nav></nav></body></html>';
