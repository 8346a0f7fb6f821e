// Element and attribute names of WordprocessingML (transitional or strict) under whatever prefix
// the part binds to its namespace ("w:" in practice, but not guaranteed). pugixml knows nothing of
// namespaces; this does the little the docx reader needs. Internal to vankho_office.
#pragma once

#include <cstring>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace vankho::formats::office {

class WordNames {
 public:
  // Reads the prefix from the namespace declarations of `root` (defaults to "w").
  explicit WordNames(pugi::xml_node root) {
    for (const pugi::xml_attribute& a : root.attributes()) {
      const std::string_view name = a.name(), value = a.value();
      if (value != "http://schemas.openxmlformats.org/wordprocessingml/2006/main" &&
          value != "http://purl.oclc.org/ooxml/wordprocessingml/main") {
        continue;
      }
      if (name == "xmlns") {
        prefix_.clear();
        return;
      }
      if (name.starts_with("xmlns:")) {
        prefix_ = std::string(name.substr(6)) + ":";
        return;
      }
    }
  }

  // The local name of `n` when it is in the WordprocessingML namespace, else "".
  [[nodiscard]] std::string_view local(pugi::xml_node n) const {
    const char* name = n.name();
    if (std::strncmp(name, prefix_.data(), prefix_.size()) != 0) return {};
    return std::string_view(name + prefix_.size());
  }
  [[nodiscard]] bool is(pugi::xml_node n, std::string_view local_name) const {
    return local(n) == local_name;
  }
  [[nodiscard]] pugi::xml_node child(pugi::xml_node n, std::string_view local_name) const {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (is(c, local_name)) return c;
    }
    return {};
  }
  // The attribute's value ("" when absent); prefixed as the elements, or unprefixed.
  [[nodiscard]] std::string_view attr(pugi::xml_node n, std::string_view local_name) const {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      std::string_view name = a.name();
      if (name.starts_with(prefix_)) name.remove_prefix(prefix_.size());
      if (name == local_name) return a.value();
    }
    return {};
  }
  // An on/off property (<w:b/>, <w:vanish w:val="0"/>): present and not switched off.
  [[nodiscard]] bool on(pugi::xml_node property) const {
    if (!property) return false;
    const std::string_view val = attr(property, "val");
    return val != "0" && val != "false" && val != "off";
  }

 private:
  std::string prefix_ = "w:";
};

}  // namespace vankho::formats::office
