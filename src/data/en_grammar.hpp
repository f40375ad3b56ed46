#pragma once
// English grammar the corpus templates use: articles, plurals and third-person verbs.
//
//   indefinite_article("apple") = "an", with_article("red apple") = "a red apple"
//   plural("peach") = "peaches", plural("police officer") = "police officers" (only the last word)
//   third_person("watch") = "watches", third_person("come back") = "comes back" (only the first word)
#include <string>
#include <string_view>

namespace tf::en {

std::string indefinite_article(std::string_view word);   // "an" for apple, hour; "a" for cat, university
std::string with_article(std::string_view noun_phrase);  // "an apple", "a red apple"
std::string plural(std::string_view noun);               // peach -> peaches, puppy -> puppies, fish -> fish
std::string third_person(std::string_view verb);         // eat -> eats, watch -> watches, cry -> cries

}  // namespace tf::en
