//! No two files of `src/` import each other, directly or around a circle: a reader can take
//! the modules in an order where each only uses the ones before it.
//!
//! How: every file under `src/` (but `main.rs`) is a module (`a/mod.rs` and `a.rs` are `a`).
//! Its dependencies are the `use` paths and the paths written in the code (`crate::…`,
//! `super::…`, `self::…`, a child module, or a name a `use` brought in), each resolved to the
//! file that defines it, following `pub use` re-exports to the file the item comes from.
//! Edges between a module and its own parent or children count like any other: a `mod.rs`
//! that declares and re-exports its children points down at them, and a child that takes a
//! name its parent defines points back up; both together are a circle. (A name the parent
//! only re-exports leads to the file that defines it.)
//! Tests inside a file (`#[cfg(test)] mod …`) are not read. Then the strongly connected
//! components (Tarjan): any with more than one file is a circle, and the test names it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is its failure.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path below the crate root, e.g. `["probe", "report"]`.
type ModPath = Vec<String>;

struct Module {
    file: PathBuf,
    /// The code that counts: comments, strings and test modules removed.
    code: String,
}

fn main_modules(src: &Path) -> BTreeMap<ModPath, Module> {
    let mut out = BTreeMap::new();
    let mut test_only = BTreeSet::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                continue;
            }
            let rel = path.strip_prefix(src).expect("under src");
            let mut parts: Vec<String> = rel
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            let last = parts.pop().expect("a file name");
            let stem = last.trim_end_matches(".rs").to_string();
            match stem.as_str() {
                "main" if parts.is_empty() => continue,
                "lib" if parts.is_empty() => {}
                "mod" => {}
                _ => parts.push(stem),
            }
            let text = std::fs::read_to_string(&path).expect("read a source file");
            for child in test_only_children(&text) {
                let mut c = parts.clone();
                c.push(child);
                test_only.insert(c);
            }
            out.insert(
                parts,
                Module {
                    file: rel.to_path_buf(),
                    code: inline_modules_flattened(&code_only(&text)),
                },
            );
        }
    }
    // Files compiled for tests only are tests too.
    out.retain(|m, _| !test_only.iter().any(|t| m.starts_with(t)));
    out
}

/// The text with comments, string and char literals blanked, cut at the first test module.
fn code_only(text: &str) -> String {
    let cut = test_modules(text)
        .into_iter()
        .find(|(_, inline)| *inline)
        .map_or(text.len(), |(at, _)| at);
    let b = &text.as_bytes()[..cut];
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
        } else if b[i] == b'r'
            && matches!(b.get(i + 1), Some(b'"') | Some(b'#'))
            && !ident_byte(b, i)
        {
            // Raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&b'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&b'"') {
                out.push('r');
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == b'"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&b'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' {
            // A char literal ('a', '\n', '\u{1F600}') or a lifetime ('a): blank only the former.
            let close = if b.get(i + 1) == Some(&b'\\') {
                (i + 3..b.len().min(i + 12)).find(|&j| b[j] == b'\'')
            } else {
                let ch_len = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                (b.get(i + 1 + ch_len) == Some(&b'\'')).then_some(i + 1 + ch_len)
            };
            match close {
                Some(j) => {
                    out.push_str("' '");
                    i = j + 1;
                }
                None => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            let ch = text[i..].chars().next().expect("a char");
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// The code with each inline `mod NAME { … }` (a platform's variant, say) read as part of
/// its file: inside it `super::` is the file's own module, so each path that starts with
/// `super::` there loses one (`super::X` → `self::X`, `super::super::X` → `super::X`).
fn inline_modules_flattened(code: &str) -> String {
    let mut out = code.to_string();
    let mut from = 0;
    while let Some(at) = find_word(&out[from..], "mod").map(|i| i + from) {
        let after = at + "mod".len();
        let rest = &out[after..];
        let name = rest.trim_start();
        let name_len = name
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(name.len());
        let open = after + (rest.len() - name.len()) + name_len;
        if name_len == 0 || !out[open..].trim_start().starts_with('{') {
            from = after;
            continue;
        }
        let open = open + out[open..].find('{').expect("the brace just seen");
        let mut depth = 0usize;
        let mut close = out.len();
        for (i, c) in out[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = open + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let inner = drop_one_super(&out[open..close]);
        out.replace_range(open..close, &inner);
        from = open + 1;
    }
    out
}

/// Every path in `code` that starts with `super::` loses its first `super` (see above).
fn drop_one_super(code: &str) -> String {
    let b = code.as_bytes();
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    while i < code.len() {
        let starts_path =
            code[i..].starts_with("super::") && (i == 0 || !(ident_byte(b, i) || b[i - 1] == b':'));
        if starts_path {
            let again = code[i + "super::".len()..].starts_with("super::");
            out.push_str(if again { "" } else { "self::" });
            i += "super::".len();
        } else {
            let ch = code[i..].chars().next().expect("a char");
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// The `#[cfg(test)] mod NAME` items of a file: where each starts, and whether it is written
/// inline (`{ … }`) rather than in a file of its own (`;`).
fn test_modules(text: &str) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("#[cfg(test)]").map(|i| i + from) {
        let rest = text[at + "#[cfg(test)]".len()..].trim_start();
        let rest = rest.strip_prefix("pub ").unwrap_or(rest);
        if let Some(item) = rest.strip_prefix("mod ") {
            let name_end = item
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(item.len());
            out.push((at, item[name_end..].trim_start().starts_with('{')));
        }
        from = at + 1;
    }
    out
}

/// The child modules a file declares for tests only (`#[cfg(test)] mod tests;`).
fn test_only_children(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, inline) in test_modules(text) {
        if inline {
            continue;
        }
        let rest = text[at + "#[cfg(test)]".len()..].trim_start();
        let rest = rest.strip_prefix("pub ").unwrap_or(rest);
        if let Some(item) = rest.strip_prefix("mod ") {
            let name: String = item
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.push(name);
        }
    }
    out
}

fn ident_byte(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
}

/// One `use` tree, expanded: each leaf path (segments as written) with the name it binds.
fn expand_use(tree: &str, prefix: &[String], out: &mut Vec<(Vec<String>, String)>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = split_path(&tree[..open]);
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let mut base = prefix.to_vec();
        base.extend(head);
        for part in split_top(inner) {
            expand_use(&part, &base, out);
        }
        return;
    }
    let (path, alias) = match tree.split_once(" as ") {
        Some((p, a)) => (p, Some(a.trim().to_string())),
        None => (tree, None),
    };
    let mut full = prefix.to_vec();
    full.extend(split_path(path));
    if full.last().is_some_and(|s| s == "self") {
        full.pop();
    }
    if full.last().is_some_and(|s| s == "*") || full.is_empty() {
        return;
    }
    let name = alias.unwrap_or_else(|| full.last().cloned().unwrap_or_default());
    out.push((full, name));
}

fn split_path(p: &str) -> Vec<String> {
    p.split("::")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Splits at the commas outside braces.
fn split_top(s: &str) -> Vec<String> {
    let (mut depth, mut cur, mut out) = (0, String::new(), Vec::new());
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    out.push(cur);
    out.into_iter().filter(|s| !s.trim().is_empty()).collect()
}

/// The `use` items of a module: (is it `pub`-something, the tree text).
fn use_items(code: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = find_word(rest, "use") {
        let before = rest[..at].trim_end();
        let public = before.ends_with("pub")
            || before.ends_with("pub(crate)")
            || before.ends_with("pub(super)");
        let Some(end) = rest[at..].find(';') else {
            break;
        };
        out.push((public, rest[at + 3..at + end].to_string()));
        rest = &rest[at + end..];
    }
    out
}

/// The byte index of `word` standing alone (not part of a longer identifier).
fn find_word(s: &str, word: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s[from..].find(word).map(|i| i + from) {
        let end = i + word.len();
        let alone_before = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        let alone_after = end >= b.len() || !(b[end].is_ascii_alphanumeric() || b[end] == b'_');
        if alone_before && alone_after {
            return Some(i);
        }
        from = end;
    }
    None
}

/// The paths written in the code outside `use` items: `a::b::c` with at least one `::`.
fn code_paths(code: &str) -> Vec<Vec<String>> {
    let mut without_uses = String::new();
    let mut rest = code;
    while let Some(at) = find_word(rest, "use") {
        without_uses.push_str(&rest[..at]);
        match rest[at..].find(';') {
            Some(end) => rest = &rest[at + end + 1..],
            None => {
                rest = "";
                break;
            }
        }
    }
    without_uses.push_str(rest);
    let b = without_uses.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = (b[i].is_ascii_alphabetic() || b[i] == b'_')
            && !ident_byte(b, i)
            && !(i >= 2 && &b[i - 2..i] == b"::");
        if !starts {
            i += 1;
            continue;
        }
        let mut segs = Vec::new();
        let mut j = i;
        loop {
            let s = j;
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
                j += 1;
            }
            segs.push(without_uses[s..j].to_string());
            if b.get(j) == Some(&b':') && b.get(j + 1) == Some(&b':') {
                let k = j + 2;
                if b.get(k)
                    .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
                {
                    j = k;
                    continue;
                }
            }
            break;
        }
        if segs.len() > 1 {
            out.push(segs);
        }
        i = j.max(i + 1);
    }
    out
}

struct Crate {
    modules: BTreeMap<ModPath, Module>,
    /// Per module: name → the path it stands for (from its `use` items).
    aliases: BTreeMap<ModPath, BTreeMap<String, Vec<String>>>,
    /// Per module: the names its `pub use` items re-export → absolute path.
    exports: BTreeMap<ModPath, BTreeMap<String, ModPath>>,
}

impl Crate {
    fn new(src: &Path) -> Self {
        let modules = main_modules(src);
        let mut aliases = BTreeMap::new();
        let mut exports = BTreeMap::new();
        for (m, module) in &modules {
            let mut names = BTreeMap::new();
            let mut public = BTreeMap::new();
            for (is_pub, tree) in use_items(&module.code) {
                let mut leaves = Vec::new();
                expand_use(&tree, &[], &mut leaves);
                for (path, name) in leaves {
                    if is_pub && let Some(abs) = absolute(&modules, m, &path, None) {
                        public.insert(name.clone(), abs);
                    }
                    names.insert(name, path);
                }
            }
            aliases.insert(m.clone(), names);
            exports.insert(m.clone(), public);
        }
        Crate {
            modules,
            aliases,
            exports,
        }
    }

    /// The file (module) a path written in module `m` leads to, if it is in this crate.
    fn target(&self, m: &ModPath, path: &[String]) -> Option<ModPath> {
        let abs = absolute(&self.modules, m, path, self.aliases.get(m))?;
        Some(self.defining(abs, 0))
    }

    /// The deepest module along an absolute path, following re-exports.
    fn defining(&self, abs: ModPath, depth: usize) -> ModPath {
        let mut here: ModPath = Vec::new();
        for (i, seg) in abs.iter().enumerate() {
            let mut next = here.clone();
            next.push(seg.clone());
            if self.modules.contains_key(&next) {
                here = next;
                continue;
            }
            if depth < 8
                && let Some(to) = self.exports.get(&here).and_then(|e| e.get(seg))
                && to != &abs
            {
                let mut to = to.clone();
                to.extend(abs[i + 1..].iter().cloned());
                return self.defining(to, depth + 1);
            }
            break;
        }
        here
    }
}

/// A path as written in module `m`, made absolute (below the crate root); `None` for paths
/// into other crates.
fn absolute(
    modules: &BTreeMap<ModPath, Module>,
    m: &ModPath,
    path: &[String],
    aliases: Option<&BTreeMap<String, Vec<String>>>,
) -> Option<ModPath> {
    let first = path.first()?;
    let mut base: ModPath = match first.as_str() {
        "crate" => Vec::new(),
        "self" => m.clone(),
        "super" => {
            let mut p = m.clone();
            let mut rest = path;
            while rest.first().is_some_and(|s| s == "super") {
                p.pop();
                rest = &rest[1..];
            }
            p.extend(rest.iter().cloned());
            return Some(p);
        }
        _ => {
            let mut child = m.clone();
            child.push(first.clone());
            if modules.contains_key(&child) {
                let mut p = m.clone();
                p.extend(path.iter().cloned());
                return Some(p);
            }
            let aliased = aliases.and_then(|a| a.get(first))?;
            if aliased.first().is_some_and(|s| s == first) && aliased.len() == 1 {
                return None;
            }
            let mut p = absolute(modules, m, aliased, None)?;
            p.extend(path[1..].iter().cloned());
            return Some(p);
        }
    };
    base.extend(path[1..].iter().cloned());
    Some(base)
}

fn edges(krate: &Crate) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let mut out: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
    for (m, module) in &krate.modules {
        let mut paths: Vec<Vec<String>> = Vec::new();
        for (_, tree) in use_items(&module.code) {
            let mut leaves = Vec::new();
            expand_use(&tree, &[], &mut leaves);
            paths.extend(leaves.into_iter().map(|(p, _)| p));
        }
        paths.extend(code_paths(&module.code));
        let set = out.entry(m.clone()).or_default();
        for p in paths {
            if let Some(t) = krate.target(m, &p)
                && krate.modules.contains_key(&t)
                && &t != m
            {
                set.insert(t);
            }
        }
    }
    out
}

/// Tarjan's strongly connected components with more than one member.
fn circles(graph: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<Vec<ModPath>> {
    struct State<'a> {
        graph: &'a BTreeMap<ModPath, BTreeSet<ModPath>>,
        index: BTreeMap<&'a ModPath, usize>,
        low: BTreeMap<&'a ModPath, usize>,
        stack: Vec<&'a ModPath>,
        on_stack: BTreeSet<&'a ModPath>,
        next: usize,
        found: Vec<Vec<ModPath>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a ModPath) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        if let Some(targets) = s.graph.get(v) {
            for w in targets {
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let lw = s.low[w];
                    let lv = s.low.get_mut(v).expect("visited");
                    *lv = (*lv).min(lw);
                } else if s.on_stack.contains(w) {
                    let iw = s.index[w];
                    let lv = s.low.get_mut(v).expect("visited");
                    *lv = (*lv).min(iw);
                }
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.clone());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.found.push(component);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.found
}

fn krate() -> Crate {
    Crate::new(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

fn file(krate: &Crate, m: &ModPath) -> String {
    krate.modules[m].file.display().to_string()
}

/// Circles the code still has, each to be broken in a change of its own. The list may only
/// shrink: the test fails when one of these is gone too, so that it is taken off.
const KNOWN: &[&[&str]] = &[];

#[test]
fn no_two_files_of_src_import_each_other_around_a_circle() {
    let krate = krate();
    let graph = edges(&krate);
    let mut new = Vec::new();
    let mut seen = BTreeSet::new();
    for c in circles(&graph) {
        let mut files: Vec<String> = c.iter().map(|m| file(&krate, m)).collect();
        files.sort();
        if KNOWN
            .iter()
            .any(|k| k.iter().copied().eq(files.iter().map(String::as_str)))
        {
            seen.insert(files);
            continue;
        }
        let members: BTreeSet<&ModPath> = c.iter().collect();
        let lines: Vec<String> = c
            .iter()
            .flat_map(|m| {
                graph[m]
                    .iter()
                    .filter(|t| members.contains(t))
                    .map(|t| format!("    {} → {}", file(&krate, m), file(&krate, t)))
                    .collect::<Vec<_>>()
            })
            .collect();
        new.push(lines.join("\n"));
    }
    assert!(
        new.is_empty(),
        "import circles between files of src/:\n{}",
        new.join("\n  and\n")
    );
    for k in KNOWN {
        let files: Vec<String> = k.iter().map(|f| f.to_string()).collect();
        assert!(
            seen.contains(&files),
            "{files:?} no longer import each other around a circle: take them off KNOWN"
        );
    }
}

/// The two circles issue 11 names stay broken (also if KNOWN were to grow).
#[test]
fn diagnose_and_the_probe_outcome_are_out_of_their_circles() {
    let krate = krate();
    let graph = edges(&krate);
    for c in circles(&graph) {
        let files: Vec<String> = c.iter().map(|m| file(&krate, m)).collect();
        for named in ["cli/diagnose.rs", "probe/diagnosis.rs", "probe/failure.rs"] {
            assert!(
                !files.iter().any(|f| f == named),
                "{named} is in a circle: {files:?}"
            );
        }
    }
}

/// The checker sees what it must: the known imports of a few files, through `use` items,
/// paths in the code, aliases and re-exports.
#[test]
fn the_checker_finds_imports_through_uses_paths_aliases_and_re_exports() {
    let krate = krate();
    let graph = edges(&krate);
    let m = |s: &str| -> ModPath { s.split("::").map(String::from).collect() };
    let has = |from: &str, to: &str| graph[&m(from)].contains(&m(to));
    // `use crate::report::{Header, line_prefix};`: both live in report/document.rs, which
    // report.rs re-exports.
    assert!(has("gui::report", "report::document"));
    assert!(!has("gui::report", "report"));
    // `crate::report::line_prefix(…)` written in the code.
    assert!(has("gui::testing", "report::server"));
    // `use super::step::StepKind;`
    assert!(has("probe::failure", "probe::step"));
    // `report::text(…)` after `use crate::report;`: a name a `use` brought in.
    assert!(has("cli::diagnose", "report"));
    // `use crate::probe::{…, StepKind, …}`: re-exported by probe/mod.rs from its outcome data.
    let step_kind_home = krate.target(&m("runtime"), &m("crate::probe::StepKind"));
    assert_eq!(
        step_kind_home,
        Some(m("probe::step")),
        "re-exports are followed"
    );
    // A parent's `pub use` of its child is an edge down to the child.
    assert!(has("report", "report::server"));
}
