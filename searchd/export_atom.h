// The newest hits of a search as an Atom feed (RFC 4287), for /api/search.atom: a feed reader
// subscribed to a search (a theme, a resolution's citers) shows each new document as it is indexed.
// Written here: Debian 12 packages no C++ Atom writer, and a feed is a few escaped elements.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "searcher.h"

namespace vankho::searchd {

struct AtomFeed {
  std::string title;      // what was searched, as a person reads it
  std::string self_url;   // this feed's own address
  std::string page_url;   // the search page: entries link to PAGE?doc=ID, the feed to PAGE?q=...
  std::string alternate;  // the search on the page (PAGE?...)
};

// Text for XML character data and attribute values: &, <, >, " and ' escaped, and the control
// characters XML 1.0 forbids left out.
[[nodiscard]] std::string xml_text(std::string_view text);

// The feed: entries in the hits' order (the caller asks for newest first); each entry's id is its
// link, its `updated` the document's date, its categories its themes.
[[nodiscard]] std::string atom_feed(const AtomFeed& feed, const std::vector<query::Hit>& hits);

}  // namespace vankho::searchd
