#include "core/monitor/linking.hpp"

#include <gtest/gtest.h>

namespace vigil::core::monitor {
namespace {

LinkPost Post(std::string id, std::vector<PostIdentifier> identifiers, std::int64_t at = 0,
              std::string city = "", std::string language = "uk", std::string source = "chan") {
  return LinkPost{std::move(source), std::move(id), at, std::move(language), std::move(city),
                  std::move(identifiers)};
}

TEST(Linking, SharedPhoneLinksAndClusterIdIsTheSmallestIndex) {
  std::vector<LinkPost> posts = {
      Post("a", {{"email", "x@example.org"}}, 100, "Kyiv"),
      Post("b", {{"phone", "+380501112233"}}, 300, "Lviv", "ru", "site"),
      Post("c", {}, 50),
      Post("d", {{"phone", "+380501112233"}, {"email", "x@example.org"}}, 200, "Odesa"),
  };
  const Linking linking = LinkPosts(posts, {}, {});
  ASSERT_EQ(linking.clusters.size(), 1u);
  const Cluster& cluster = linking.clusters[0];
  EXPECT_EQ(cluster.id, 0u);
  EXPECT_EQ(cluster.members, (std::vector<std::size_t>{0, 1, 3}));
  ASSERT_EQ(cluster.shared_identifiers.size(), 2u);
  EXPECT_EQ(cluster.shared_identifiers[0].type, "email");
  EXPECT_EQ(cluster.shared_identifiers[1].posts, (std::vector<std::size_t>{1, 3}));
  EXPECT_EQ(cluster.first_seen, 100);
  EXPECT_EQ(cluster.last_seen, 300);
  EXPECT_EQ(cluster.sources, (std::vector<std::string>{"chan", "site"}));
  EXPECT_EQ(cluster.languages, (std::vector<std::string>{"ru", "uk"}));
  EXPECT_EQ(cluster.cities, (std::vector<std::string>{"Kyiv", "Lviv", "Odesa"}));
  EXPECT_EQ(linking.cluster_of[2], std::nullopt);
  EXPECT_EQ(linking.cluster_of[3], 0u);
}

TEST(Linking, SharedHostsNeverLinkButOtherDomainsDo) {
  std::vector<LinkPost> posts = {
      Post("a", {{"domain", "facebook.com/groups/jobs"}, {"domain", "bit.ly/x1"}}),
      Post("b", {{"domain", "m.facebook.com/groups/jobs"}, {"domain", "bit.ly/x1"}}),
      Post("c", {{"domain", "work-abroad.example/apply"}}),
      Post("d", {{"domain", "WORK-ABROAD.example/apply"}}),
  };
  LinkOptions options;
  options.shared_hosts = {"facebook.com", "bit.ly"};
  const Linking linking = LinkPosts(posts, {}, options);
  EXPECT_TRUE(IsSharedHost("m.facebook.com/x", options.shared_hosts));
  EXPECT_FALSE(IsSharedHost("notfacebook.com/x", options.shared_hosts));
  // Domain values are compared as given: c and d differ in case, so nothing links at all.
  EXPECT_TRUE(linking.clusters.empty());
  posts[3].identifiers[0].value = "work-abroad.example/apply";
  const Linking relinked = LinkPosts(posts, {}, options);
  ASSERT_EQ(relinked.clusters.size(), 1u);
  EXPECT_EQ(relinked.clusters[0].members, (std::vector<std::size_t>{2, 3}));
}

TEST(Linking, NearDuplicateEdgesLinkUnlessSwitchedOffAndTransitively) {
  std::vector<LinkPost> posts = {Post("a", {}), Post("b", {}), Post("c", {}), Post("d", {})};
  const std::vector<NearDuplicateEdge> edges = {{2, 3, 0.8}, {1, 2, 0.5}};
  const Linking linking = LinkPosts(posts, edges, {});
  ASSERT_EQ(linking.clusters.size(), 1u);
  EXPECT_EQ(linking.clusters[0].id, 1u);
  EXPECT_EQ(linking.clusters[0].members, (std::vector<std::size_t>{1, 2, 3}));
  EXPECT_EQ(linking.clusters[0].near_duplicate_edges, 2u);
  LinkOptions off;
  off.link_near_duplicates = false;
  EXPECT_TRUE(LinkPosts(posts, edges, off).clusters.empty());
}

TEST(Linking, ClustersDoNotDependOnEdgeOrder) {
  std::vector<LinkPost> posts(6, Post("p", {}));
  std::vector<NearDuplicateEdge> edges = {{0, 4, 1}, {3, 5, 1}, {1, 5, 1}, {2, 4, 1}};
  const Linking forward = LinkPosts(posts, edges, {});
  std::reverse(edges.begin(), edges.end());
  const Linking backward = LinkPosts(posts, edges, {});
  ASSERT_EQ(forward.clusters.size(), 2u);
  ASSERT_EQ(backward.clusters.size(), 2u);
  for (std::size_t idx = 0; idx < 2; ++idx) {
    EXPECT_EQ(forward.clusters[idx].id, backward.clusters[idx].id);
    EXPECT_EQ(forward.clusters[idx].members, backward.clusters[idx].members);
  }
  EXPECT_EQ(forward.clusters[1].members, (std::vector<std::size_t>{1, 3, 5}));
}

}  // namespace
}  // namespace vigil::core::monitor
