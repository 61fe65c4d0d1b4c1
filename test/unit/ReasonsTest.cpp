// The reason registry and the check pages document the same codes: every
// registered code has a table row `| \`code\` |` on its owning check's page,
// and every code in a table of docs/checks/ is registered.
#include "matchers/Reasons.h"
#include "matchers/KernelApi.h"
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace mpl;

namespace {

std::string readPage(const std::string &Page) {
  std::ifstream In(std::string(MPL_SOURCE_DIR) + "/" + Page);
  std::stringstream S;
  S << In.rdbuf();
  return S.str();
}

/// Codes in the first column of the page's tables.
std::set<std::string> documentedCodes(const std::string &Text) {
  std::set<std::string> Codes;
  static const std::regex Row(R"(^\| `([a-z0-9]+(-[a-z0-9]+)+)` \|)",
                              std::regex::multiline);
  for (auto It = std::sregex_iterator(Text.begin(), Text.end(), Row);
       It != std::sregex_iterator(); ++It)
    Codes.insert((*It)[1]);
  return Codes;
}

const char *const Pages[] = {"docs/checks/mmap-prepare-legacy-hook.md",
                             "docs/checks/mmap-prepare-vm-flags.md",
                             "docs/checks/mmap-prepare-remap-range.md",
                             "docs/checks/mmap-prepare-stateful-hook.md",
                             "docs/checks/mmap-prepare-api-misuse.md"};

} // namespace

TEST(Reasons, EveryCodeIsDocumentedOnItsCheckPage) {
  for (const ReasonInfo &R : allReasons()) {
    std::string Text = readPage(R.docsPage());
    ASSERT_FALSE(Text.empty()) << R.docsPage();
    EXPECT_TRUE(documentedCodes(Text).count(R.Id))
        << "`" << R.Id << "` has no table row on " << R.docsPage();
  }
}

TEST(Reasons, EveryDocumentedCodeIsRegistered) {
  for (const char *Page : Pages)
    for (const std::string &Code : documentedCodes(readPage(Page)))
      EXPECT_TRUE(parseReasonId(Code).has_value())
          << Page << " documents `" << Code
          << "`, which the tool never reports";
}

TEST(Reasons, IdsAreUniqueAndRoundTrip) {
  std::set<std::string> Seen;
  for (const ReasonInfo &R : allReasons()) {
    EXPECT_TRUE(Seen.insert(R.Id).second) << R.Id;
    EXPECT_EQ(parseReasonId(R.Id), R.Code);
    EXPECT_EQ(&reasonInfo(R.Code), &R);
  }
}

TEST(KernelApi, RowsAreConsistent) {
  std::set<std::string> Names;
  for (const KernelApiEntry &E : kernelApiTable()) {
    EXPECT_TRUE(Names.insert(E.Name).second) << "two rows for " << E.Name;
    EXPECT_EQ(lookupKernelApi(E.Name), &E);
    switch (E.Role) {
    case ApiRole::Action:
      EXPECT_EQ(E.argIndex(ArgRole::Vma), 0) << E.Name;
      EXPECT_TRUE(E.Replacement && E.MinLevel) << E.Name;
      break;
    case ApiRole::SyncTwin:
      EXPECT_TRUE(E.Replacement && E.MinLevel) << E.Name;
      EXPECT_TRUE(E.argIndex(ArgRole::Vma) >= 0 ||
                  E.argIndex(ArgRole::VmFlags) >= 0)
          << E.Name << " takes neither the vma nor its flags";
      break;
    case ApiRole::Blocker:
      EXPECT_TRUE(E.Detail && E.argIndex(ArgRole::Vma) >= 0) << E.Name;
      EXPECT_EQ(reasonInfo(E.Reason).Severity, Classification::Blocked)
          << E.Name;
      break;
    case ApiRole::FlagHelper:
      EXPECT_GE(E.argIndex(ArgRole::Mask), 1) << E.Name;
      break;
    case ApiRole::Lock:
    case ApiRole::Renamed:
      EXPECT_TRUE(E.Replacement) << E.Name;
      break;
    default:
      break;
    }
  }
}

TEST(KernelApi, NewerApiNamesComeFromTheTable) {
  EXPECT_TRUE(isNewerApiName("generic_file_mmap_prepare"));
  EXPECT_TRUE(isNewerApiName("shmem_zero_setup_desc"));
  EXPECT_TRUE(isNewerApiName("VMA_IO_BIT"));
  EXPECT_FALSE(isNewerApiName("remap_pfn_range"));
  // Same name in old and new kernels: not a sign of a newer API.
  EXPECT_FALSE(isNewerApiName("daxdev_mapping_supported"));
  EXPECT_TRUE(isStateAcquiringCallee("kzalloc"));
  EXPECT_TRUE(isStateAcquiringCallee("foo_buffer_get"));
  EXPECT_FALSE(isStateAcquiringCallee("remap_pfn_range"));
}
