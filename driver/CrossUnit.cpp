//===- CrossUnit.cpp - callbacks defined in one unit, installed in others -===//
//
// cifsfs.c installs cifs_file_mmap, file.c defines it and cifsfs.h declares
// it. Converting it means renaming the definition, the prototype and every
// table together: one change over several files, applied whole or not at
// all. The steps:
//   1. the first pass of every unit reports the callbacks it installs but
//      does not define, and those it defines that other units can name;
//   2. a token scan of the tree finds the defining file and every other file
//      that names the callback;
//   3. files that name it and were not analysed are analysed (they may
//      install it too);
//   4. the defining unit is analysed again, told where else the callback is
//      installed and what stops it there, and gives the verdict and the
//      conversion;
//   5. every site's finding is composed from that verdict
//      (legacyHookFinding), and the edits of all units become one UnitFixes
//      that prepareRewrites verifies in each unit.
//
//===----------------------------------------------------------------------===//
#include "core/CallbackVerdict.h"
#include "driver/Runner.h"
#include "driver/SymbolScan.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace mpl {
namespace {

/// A unit that installs or defines a cross-unit callback. Its record is
/// looked up by name: the defining unit's second pass renumbers them.
struct Member {
  size_t Unit;
};

struct Group {
  std::vector<Member> Installs;
  /// Units that define it (one, unless the tree is ambiguous).
  std::vector<Member> Defines;
  std::set<std::string> DeclFiles;
  /// Why the definition could not be analysed, if so.
  std::string NotAnalysed;
  std::vector<VerdictReason> Blockers;
  bool SiteSilenced = false;
};

bool isHeader(llvm::StringRef Path) { return Path.ends_with(".h"); }

} // namespace

/// The steps of the file comment, over the units of one run. A friend of
/// Runner: it adds units to the run and runs them again.
class CrossUnitResolver {
public:
  CrossUnitResolver(Runner &Run, std::vector<Runner::AnalysedUnit> &Units)
      : Run(Run), Units(Units) {}

  void resolve() {
    for (size_t U = 0; U < Units.size(); ++U)
      collect(U, /*NewGroups=*/true);
    if (Groups.empty())
      return;
    scanMentions();
    analyseNamingFiles();
    for (auto &[Name, G] : Groups)
      findBlockers(Name, G);
    rerunDefiningUnits();
    for (auto &[Name, G] : Groups)
      composeVerdict(Name, G);
  }

private:
  /// Null when the unit's second run (as the definer of another callback)
  /// failed and took its records with it.
  const CrossUnitCallback *installed(const Member &M,
                                     const std::string &Name) const {
    for (const CrossUnitCallback &C : Units[M.Unit].Result.CrossUnit)
      if (C.Role == CrossUnitCallback::Installs && C.Name == Name)
        return &C;
    return nullptr;
  }

  /// 1. The callbacks a unit installs or defines. Units analysed for a
  /// callback join only its group: a callback they bring of their own was
  /// not part of the scan, so its users are unknown.
  void collect(size_t U, bool NewGroups) {
    Runner::AnalysedUnit &A = Units[U];
    UnitOfFile[A.Command.File] = U;
    if (!A.Decoded)
      return;
    for (const CrossUnitCallback &C : A.Result.CrossUnit) {
      if (!NewGroups && !Groups.count(C.Name))
        continue;
      Group &G = Groups[C.Name];
      (C.Role == CrossUnitCallback::Installs ? G.Installs : G.Defines)
          .push_back({U});
      G.DeclFiles.insert(C.DeclFiles.begin(), C.DeclFiles.end());
    }
  }

  /// 2. Who names each callback, within the tree of the unit that named it.
  void scanMentions() {
    std::map<std::string, std::set<std::string>> NamesByScope;
    std::map<std::string, ScanScope> Scopes;
    for (auto &[Name, G] : Groups) {
      const Member &Any =
          G.Installs.empty() ? G.Defines.front() : G.Installs.front();
      ScanScope Scope = scanScopeFor(Units[Any.Unit].Command.File);
      std::string Key = llvm::join(Scope.Dirs, "\n");
      Scopes[Key] = Scope;
      NamesByScope[Key].insert(Name);
    }
    for (auto &[Key, Names] : NamesByScope) {
      for (auto &[Name, Found] : scanForSymbols(Scopes[Key], Names))
        Mentions[Name] = std::move(Found);
      for (const std::string &Name : Names)
        ScopeOfName[Name] = Scopes[Key].describe();
    }
  }

  /// The unit of \p File, added to the run (analysed for \p Callback only)
  /// when it is not part of it yet.
  std::optional<size_t> addUnit(const std::string &File,
                                const std::string &Callback, std::string &Why) {
    if (auto It = UnitOfFile.find(File); It != UnitOfFile.end()) {
      Units[It->second].OnlyCallbacks.insert(Callback);
      return It->second;
    }
    UnitCommand U;
    if (!Run.commandFor(File, U, Why))
      return std::nullopt;
    Runner::AnalysedUnit A;
    A.Command = std::move(U);
    A.Requested = false;
    A.OnlyCallbacks.insert(Callback);
    Units.push_back(std::move(A));
    UnitOfFile[File] = Units.size() - 1;
    Extra.push_back(Units.size() - 1);
    return Units.size() - 1;
  }

  /// 3. Defining files, and other C files that name a callback, are
  /// analysed.
  void analyseNamingFiles() {
    for (auto &[Name, G] : Groups) {
      std::set<std::string> &Defs = DefinitionFiles[Name];
      for (const Member &M : G.Defines)
        Defs.insert(Units[M.Unit].Command.File);
      std::set<std::string> Static;
      for (const SymbolMention &M : Mentions[Name])
        if (M.K == SymbolMention::StaticDefinition)
          Static.insert(M.File);
      // Every file with a definition of that name counts, compiled in this
      // configuration or not: renaming one would leave the other behind.
      for (const SymbolMention &M : Mentions[Name])
        if (M.K == SymbolMention::Definition && !isHeader(M.File))
          Defs.insert(M.File);
      for (const SymbolMention &M : Mentions[Name]) {
        if (isHeader(M.File) || Defs.count(M.File) || Static.count(M.File) ||
            M.K != SymbolMention::Use)
          continue;
        // A unit already analysed (named by the user, or added for another
        // callback) reports this callback's findings too.
        std::string Why;
        if (!addUnit(M.File, Name, Why))
          G.Blockers.push_back(
              {ReasonCode::OtherCallers,
               Classification::Manual,
               {{M.File, M.Line, M.Column, {}},
                "'" + Name +
                    "' is also named in this file, which could not "
                    "be analysed (" +
                    Why + ")"}});
      }
    }
    if (!Extra.empty()) {
      Run.runUnits(Units, Extra, false);
      for (size_t U : Extra)
        collect(U, /*NewGroups=*/false);
    }
  }

  /// What stops the conversion outside the defining unit.
  void findBlockers(const std::string &Name, Group &G) {
    std::set<std::string> Analysed;
    for (const Member &M : G.Installs) {
      const Runner::AnalysedUnit &A = Units[M.Unit];
      Analysed.insert(A.Command.File);
      const CrossUnitCallback *Record = installed(M, Name);
      if (!Record)
        continue;
      const CrossUnitCallback &C = *Record;
      G.Blockers.insert(G.Blockers.end(), C.SiteReasons.begin(),
                        C.SiteReasons.end());
      G.SiteSilenced |= C.SiteSilenced;
      if (!A.clean() && !C.Sites.empty())
        G.Blockers.push_back(
            {ReasonCode::DoesNotCompile,
             Classification::Manual,
             {C.Sites.front().Where,
              "this table's translation unit does not compile; the tables "
              "and the definition are converted together or not at all"}});
    }
    for (const Member &M : G.Defines)
      Analysed.insert(Units[M.Unit].Command.File);
    const std::set<std::string> &Defs = DefinitionFiles[Name];
    std::set<std::string> Reported;
    for (const SymbolMention &M : Mentions[Name]) {
      if (Analysed.count(M.File) || Defs.count(M.File) ||
          M.K == SymbolMention::StaticDefinition)
        continue;
      // A prototype is renamed with the definition where a unit sees it;
      // elsewhere, and in a C file, a stale prototype is harmless.
      if (M.K == SymbolMention::Declaration &&
          (!isHeader(M.File) || G.DeclFiles.count(M.File)))
        continue;
      if (M.K == SymbolMention::Definition && !isHeader(M.File))
        continue;
      if (!Reported.insert(M.File).second)
        continue;
      // A unit that crashed or timed out is a user the tool cannot see.
      auto Unit = UnitOfFile.find(M.File);
      bool Unseen = Unit != UnitOfFile.end() && !Units[Unit->second].Decoded;
      G.Blockers.push_back(
          {ReasonCode::OtherCallers,
           Classification::Manual,
           {{M.File, M.Line, M.Column, {}},
            Unseen ? "'" + Name +
                         "' is also named in this file, which could "
                         "not be analysed (" +
                         Units[Unit->second].Outcome.describe(
                             Run.Opts.TimeoutSeconds) +
                         ")"
                   : "'" + Name +
                         "' is also named here, outside an ops "
                         "table the tool converts; that use needs the legacy "
                         "signature"}});
    }
    if (Defs.empty())
      G.NotAnalysed =
          "no definition of '" + Name + "' was found in " + ScopeOfName[Name];
    else if (Defs.size() > 1)
      G.NotAnalysed = "'" + Name + "' is defined in several files (" +
                      llvm::join(Defs, ", ") + ")";
  }

  /// 4. The defining units, with what the others found.
  void rerunDefiningUnits() {
    std::vector<size_t> Definers;
    for (auto &[Name, G] : Groups) {
      if (!G.NotAnalysed.empty())
        continue;
      for (const std::string &File : DefinitionFiles[Name]) {
        std::string Why;
        std::optional<size_t> U = addUnit(File, Name, Why);
        if (!U) {
          G.NotAnalysed = "its definition in " + File +
                          " could not be analysed (" + Why + ")";
          continue;
        }
        UsedElsewhere &Facts = Units[*U].DefinedHere[Name];
        for (const Member &M : G.Installs)
          if (const CrossUnitCallback *C = installed(M, Name))
            for (const HookSite &S : C->Sites)
              Facts.Installs.push_back(S.Where);
        Facts.Blockers = G.Blockers;
        Facts.SiteSilenced = G.SiteSilenced;
        if (std::find(Definers.begin(), Definers.end(), *U) == Definers.end())
          Definers.push_back(*U);
      }
    }
    // The defining units run again with those facts; the new results
    // replace their first ones.
    Run.runUnits(Units, Definers, false);
  }

  /// The defining unit's record of \p Name, or why there is none (set in
  /// G.NotAnalysed).
  const CrossUnitCallback *definitionOf(const std::string &Name, Group &G,
                                        const Runner::AnalysedUnit *&Definer) {
    const CrossUnitCallback *Definition = nullptr;
    for (const std::string &File : DefinitionFiles[Name]) {
      auto It = UnitOfFile.find(File);
      if (!G.NotAnalysed.empty() || It == UnitOfFile.end())
        continue;
      const Runner::AnalysedUnit &A = Units[It->second];
      if (!A.Decoded) {
        G.NotAnalysed = "its definition in " + File +
                        " could not be analysed (" +
                        A.Outcome.describe(Run.Opts.TimeoutSeconds) + ")";
        continue;
      }
      if (!A.clean()) {
        G.NotAnalysed = "its definition in " + File + " does not compile" +
                        (A.Result.FirstCompilerError.empty()
                             ? std::string()
                             : " (" + A.Result.FirstCompilerError + ")");
        continue;
      }
      for (const CrossUnitCallback &C : A.Result.CrossUnit)
        if (C.Role == CrossUnitCallback::Defines && C.Name == Name &&
            C.Verdict.Definition) {
          Definition = &C;
          Definer = &A;
        }
    }
    if (!Definition && G.NotAnalysed.empty())
      G.NotAnalysed = "no definition of '" + Name + "' was compiled in " +
                      llvm::join(DefinitionFiles[Name], ", ");
    return Definition;
  }

  /// 5. One verdict per callback, every site composed from it.
  void composeVerdict(const std::string &Name, Group &G) {
    const Runner::AnalysedUnit *Definer = nullptr;
    const CrossUnitCallback *Definition = definitionOf(Name, G, Definer);
    bool Resolved = Definition && G.NotAnalysed.empty();

    bool Convertible =
        Resolved && Definition->Verdict.Class == Classification::Convertible &&
        !Definition->Verdict.Edits.empty();
    Runner::UnitFixes Change;
    if (Convertible) {
      Change.MainFiles.push_back(Definer->Command.File);
      Change.Edits = Definition->Verdict.Edits;
      for (const Member &M : G.Installs) {
        const Runner::AnalysedUnit &A = Units[M.Unit];
        const CrossUnitCallback *C = installed(M, Name);
        Convertible &= A.clean() && C && !C->Edits.empty();
        if (!C)
          continue;
        Change.MainFiles.push_back(A.Command.File);
        Change.Edits.insert(Change.Edits.end(), C->Edits.begin(),
                            C->Edits.end());
      }
    }
    // The edits also ride on one site's finding (--export-fixes, JSON);
    // its unit's fixes then hold them too, which changes nothing: identical
    // edits are merged, and either verification refuses them all.
    bool FixAttached = !Convertible || !Run.Opts.CollectFixes;
    auto AttachFix = [&](Finding &F) {
      if (!FixAttached)
        F.Fix = Change.Edits;
      FixAttached = true;
    };

    // The defining unit's own sites already carry the verdict; their edits
    // are the group's.
    if (Resolved)
      for (Runner::AnalysedUnit &A : Units)
        if (&A == Definer)
          for (unsigned I : Definition->SiteFindings) {
            if (I == CrossUnitCallback::NoFinding)
              continue;
            A.Result.Findings[I].Fix.clear();
            A.Result.Findings[I].Fixable = Convertible;
            AttachFix(A.Result.Findings[I]);
          }
    for (const Member &M : G.Installs) {
      Runner::AnalysedUnit &A = Units[M.Unit];
      const CrossUnitCallback *Record = installed(M, Name);
      if (!Record)
        continue;
      const CrossUnitCallback &C = *Record;
      CallbackVerdict V;
      if (Resolved) {
        V = Definition->Verdict;
        V.Edits.clear();
      } else {
        V.Name = Name;
        V.Reasons = C.SiteReasons;
        if (!C.Sites.empty())
          V.Reasons.insert(V.Reasons.begin(), {ReasonCode::CallbackElsewhere,
                                               Classification::Manual,
                                               {C.Sites.front().Where,
                                                "'" + Name +
                                                    "' is defined in another "
                                                    "file; not analysed: " +
                                                    G.NotAnalysed}});
      }
      for (size_t K = 0; K < C.SiteFindings.size() && K < C.Sites.size(); ++K) {
        if (C.SiteFindings[K] == CrossUnitCallback::NoFinding)
          continue;
        const HookSite &Site = C.Sites[K];
        CallbackVerdict ForSite = V;
        // The definition's notes list every installing site; not this one.
        llvm::erase_if(ForSite.Notes, [&](const FindingNote &N) {
          return N.Where.File == Site.Where.File &&
                 N.Where.Line == Site.Where.Line;
        });
        Finding F = legacyHookFinding(Site, ForSite);
        F.Fixable = Convertible;
        AttachFix(F);
        A.Result.Findings[C.SiteFindings[K]] = std::move(F);
      }
    }
    if (Convertible && Run.Opts.CollectFixes)
      Run.Fixes.push_back(std::move(Change));
  }

  Runner &Run;
  std::vector<Runner::AnalysedUnit> &Units;
  std::map<std::string, Group> Groups;
  std::map<std::string, size_t> UnitOfFile;
  std::map<std::string, std::vector<SymbolMention>> Mentions;
  std::map<std::string, std::string> ScopeOfName;
  std::map<std::string, std::set<std::string>> DefinitionFiles;
  /// Units added to the run by addUnit().
  std::vector<size_t> Extra;
};

void Runner::resolveCrossUnit(std::vector<AnalysedUnit> &Units) {
  CrossUnitResolver(*this, Units).resolve();
}

} // namespace mpl
