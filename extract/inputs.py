"""Find the inputs of a run (files, folders, glob patterns, .zip archives) and read them safely.

Discovery only lists and stats: it never reads a page, so a re-run can decide what changed
from ``(size, mtime_ns)`` alone. Archive members are read straight from the archive into
memory and never extracted, so a hostile member name (``../../x.txt``) cannot write anywhere;
it is refused with a failure row all the same, since it says the archive is not what it claims.
"""

from __future__ import annotations

import glob
import os
import re
import stat
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from extract.page import PageError

PAGE_SUFFIXES = (".txt", ".html", ".htm", ".md", ".markdown", ".xhtml", ".mhtml", ".mht")
ARCHIVE_SUFFIX = ".zip"
#: Separates an archive's path from a member's name in ``source_path``.
MEMBER_SEPARATOR = "!"
#: An archive with more members than this is refused as a whole (a zip bomb made of entries).
MAX_ARCHIVE_MEMBERS = 200_000
_GLOB_CHARS = frozenset("*?[")


class UsageError(Exception):
    """An input named on the command line that does not exist: bad usage, said before any work."""


@dataclass(frozen=True, slots=True)
class InputRef:
    """One input of the run, as listed (not read).

    ``signature`` changes whenever the bytes may have changed (size, mtime, ctime and inode of the file, or
    of the archive plus the member's CRC and size); ``problem`` is a refusal already known at
    discovery (unsafe member name, broken archive) as ``(reason, message)``.
    """

    source_path: str
    file: str
    member: str | None = None
    size: int = 0
    signature: str = ""
    problem: tuple[str, str] | None = None
    left_out: bool = False  # a file that is no page (an image, a PDF), found in a folder or an archive


def discover(args: Sequence[str], *, exclude: Path | None = None) -> list[InputRef]:
    """Every input named by ``args``, sorted by source_path, each path once (see ``survey``)."""
    return survey(args, exclude=exclude)[0]


def survey(
    args: Sequence[str], *, exclude: Path | None = None
) -> tuple[list[InputRef], list[tuple[str, list[str]]], dict[str, int]]:
    """Every input named by ``args``, sorted by source_path, each path once; the arguments that
    yielded none with the paths they name (an empty folder: an unmounted share, or a glob's empty
    match); and how many files that are no pages were left out, by suffix (".pdf": 2), so that
    the summary can say so.

    Files named explicitly are taken whatever their suffix; inside folders, glob matches and
    archives only page files (``PAGE_SUFFIXES``) are, hidden names and ``exclude`` skipped. A
    link to a folder is followed when it leads out of every folder named (each real folder once).
    """
    skip = _resolved(exclude) if exclude is not None else None
    expanded = [(raw, list(_expand(raw))) for raw in args]
    named = [os.path.realpath(path) for _, paths in expanded for path, _ in paths if os.path.isdir(path)]
    found: dict[str, InputRef] = {}
    empty: list[tuple[str, list[str]]] = []
    left_out: dict[str, str] = {}  # source_path -> suffix
    for raw, paths in expanded:
        count = 0
        for path, explicit in paths:
            for ref in _refs(path, explicit, skip, named):
                if ref.left_out:
                    left_out[ref.source_path] = PurePosixPath(ref.member or ref.file).suffix.lower() or "(none)"
                    continue
                found.setdefault(ref.source_path, ref)
                count += 1
        if count == 0:
            empty.append((raw, [path for path, _ in paths]))
    # a folder named inside another named one is walked on its own ("A A/2024"): not empty for that
    if empty:
        index = PathIndex()
        empty = [
            (raw, paths) for raw, paths in empty if not any(index.under(ref.file, paths) for ref in found.values())
        ]
    suffixes: dict[str, int] = {}
    for suffix in left_out.values():
        suffixes[suffix] = suffixes.get(suffix, 0) + 1
    return [found[key] for key in sorted(found)], empty, dict(sorted(suffixes.items()))


class PathIndex:
    """Is a file at or below one of some folders, its path and theirs compared as written and as
    real paths at every level ("/tmp/A/share/p.txt" is below "/private/tmp/A" when /tmp is a link,
    and below "A" when "share" is a link out of it)? The answers for a folder are kept, so that a
    dataset's thousands of documents cost a look-up each, not a walk of their parents."""

    def __init__(self) -> None:
        self._names: dict[str, frozenset[str]] = {}
        self._keys: dict[str, tuple[str, str]] = {}

    def names(self, folder: str) -> frozenset[str]:
        """``folder`` and its parents, each as written (absolute) and as its real path."""
        got = self._names.get(folder)
        if got is None:
            parent = os.path.dirname(folder)
            own = frozenset({folder, os.path.realpath(folder)})
            got = own if parent == folder else own | self.names(parent)
            self._names[folder] = got
        return got

    def under(self, file: str, folders: Sequence[str]) -> bool:
        spelled = os.path.abspath(file)
        candidates = self.names(os.path.dirname(spelled)) | {spelled}
        if spelled.lower().endswith(ARCHIVE_SUFFIX):  # an archive named as an argument, maybe through a link
            candidates |= {os.path.realpath(spelled)}
        for folder in folders:
            keys = self._keys.get(folder)
            if keys is None:
                keys = self._keys[folder] = (os.path.abspath(folder), os.path.realpath(folder))
            if keys[0] in candidates or keys[1] in candidates:
                return True
        return False


def read_input(ref: InputRef, max_bytes: int) -> bytes:
    """The bytes of one input, at most ``max_bytes`` of them; PageError says why not."""
    if ref.problem is not None:
        raise PageError(*ref.problem)
    if ref.member is not None:
        return _read_member(ref, max_bytes)
    try:
        info = os.stat(ref.file)
        if not stat.S_ISREG(info.st_mode):
            raise PageError("unreadable", "not a regular file")
        if info.st_size > max_bytes:
            raise PageError("too_large", f"the input is {info.st_size} bytes, over the limit of {max_bytes}")
        with open(ref.file, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise PageError("unreadable", _os_message(error)) from error
    if len(data) > max_bytes:
        raise PageError("too_large", f"the input is over the limit of {max_bytes} bytes")
    return data


def is_page_name(name: str) -> bool:
    return name.lower().endswith(PAGE_SUFFIXES)


def _expand(raw: str) -> Iterable[tuple[str, bool]]:
    """A command-line argument as paths: itself when it exists (or is a link), else its glob matches."""
    if os.path.lexists(raw):
        return [(raw, True)]
    if _GLOB_CHARS & set(raw):
        matches = sorted(_glob(raw))
        if matches:
            return [(match, False) for match in matches]
    raise UsageError(f"no such file, folder or matching pattern: {raw}")


def _glob(pattern: str) -> list[str]:
    """The paths a pattern matches. "**" walks the folders below as a folder input does (links to
    folders out of the tree followed, each real folder once; Python's glob follows every link, and
    a link back up the tree never ends)."""
    if "**" not in pattern:
        return glob.glob(pattern)
    folders_only = pattern.endswith(os.sep)  # "pages/**/": the folders, walked as such
    parts = pattern.rstrip(os.sep).split(os.sep)
    fixed = next(i for i, part in enumerate(parts) if _GLOB_CHARS & set(part))
    root = os.sep.join(parts[:fixed]) or ("." if not pattern.startswith(os.sep) else os.sep)
    try:
        rest = re.compile(_pattern_regex(parts[fixed:]))
    except re.error as error:
        raise UsageError(f"bad pattern {pattern}: {error}") from error
    hidden = any(part.startswith(".") for part in parts[fixed:])  # as glob: only when written so
    # "pages/**/" names pages itself too
    found = [root] if folders_only and parts[-1] == "**" and os.path.isdir(root) else []
    own = os.path.realpath(root)
    seen = {own}
    unlisted: list[OSError] = []
    for current, dirs, files in os.walk(root, onerror=unlisted.append, followlinks=True):
        dirs[:] = _walked(own, [own], current, dirs, seen, hidden)
        for name in sorted(dirs + files):
            path = os.path.join(current, name)
            relative = os.path.relpath(path, root).split(os.sep)
            matched = rest.fullmatch("/".join(relative)) and (not folders_only or os.path.isdir(path))
            if matched or _gone_folder_link(path):  # a link to a folder that is gone: reported by _refs
                found.append(path if parts[:fixed] else os.path.relpath(path, "."))
    # folders that could not be listed: _refs reports each (their pages may have matched)
    found += [
        str(e.filename) if parts[:fixed] else os.path.relpath(str(e.filename), ".")
        for e in unlisted
        if not isinstance(e, FileNotFoundError)  # no such root: the pattern matches nothing
    ]
    return found


def _pattern_regex(parts: list[str]) -> str:
    """A glob's components as a regex over "/"-joined relative paths: "**" any folders (none too),
    "*" and "?" within one name, "[...]" a class."""
    out = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":  # as glob: no hidden names unless written with their dot
            out.append(r"(?!\.)[^/]*(?:/(?!\.)[^/]*)*" if last else r"(?:(?!\.)[^/]+/)*")
            continue
        hidden = "" if part.startswith(".") else r"(?!\.)"
        out.append(hidden + _name_regex(part) + ("" if last else "/"))
    return "".join(out)


def _name_regex(part: str) -> str:
    """One name's glob as a regex: "*" and "?" never cross a "/", "[...]" a class ("[!...]" too)."""
    out, i = [], 0
    while i < len(part):
        ch = part[i]
        close = part.find("]", i + 2) if ch == "[" else -1
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif close != -1:
            inner = part[i + 1 : close].replace("\\", "\\\\")
            # "[!a]" negates, as in glob; a "^" is a character of the class
            inner = "^" + inner[1:] if inner.startswith("!") else inner.replace("^", "\\^")
            out.append("[" + inner + "]")
            i = close
        else:
            out.append(re.escape(ch))
        i += 1
    return "".join(out)


def _refs(path: str, explicit: bool, skip: Path | None, named: Sequence[str] = ()) -> Iterable[InputRef]:
    path = os.path.normpath(path)
    if skip is not None and _inside(path, skip):
        return
    if os.path.isdir(path):
        yield from _folder(path, skip, named, explicit)
    elif explicit and _gone_folder_link(path):
        raise UsageError(f"{path} is a link to {os.readlink(path)}, which is gone (an unmounted share?)")
    elif _gone_folder_link(path):
        yield _gone_link_ref(path)
    elif path.lower().endswith(ARCHIVE_SUFFIX) and os.path.isfile(path):
        yield from _archive(path)
    elif explicit or is_page_name(path):
        yield _file_ref(path)


def _folder(root: str, skip: Path | None, named: Sequence[str] = (), explicit: bool = False) -> Iterable[InputRef]:
    """Page files and archives under a folder, links to folders out of it followed (see
    ``_walked``). A folder below that cannot be listed, or a link to a folder that is gone, is a
    refusal, a ``failures`` row, so that its pages are not dropped from the dataset unsaid; the
    folder itself, named on the command line, is bad usage, said before any work."""
    unlisted: list[OSError] = []

    def refused(error: OSError) -> InputRef:
        if explicit and os.path.normpath(str(error.filename)) == root:
            raise UsageError(f"cannot list the folder {root}: {error.strerror or error}") from error
        return _unlisted_ref(error)

    own = os.path.realpath(root)
    roots = [own, *named]
    seen = set(roots)  # a folder named on its own is walked there, under its own path
    for current, dirs, files in os.walk(root, onerror=unlisted.append, followlinks=True):
        yield from (refused(error) for error in unlisted)
        unlisted.clear()
        dirs[:] = [d for d in _walked(own, roots, current, dirs, seen) if not _skipped(os.path.join(current, d), skip)]
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(current, name)
            if _gone_folder_link(path):
                yield _gone_link_ref(path)
            elif name.lower().endswith(ARCHIVE_SUFFIX) and os.path.isfile(path):
                yield from _archive(path)
            elif is_page_name(name):
                yield _file_ref(path)
            elif not _skipped(os.path.realpath(path), skip):  # not the dataset's own manifest, through its link
                yield InputRef(_printable(path), path, left_out=True)
    yield from (refused(error) for error in unlisted)  # the last folders walked


def _walked(
    own: str, roots: Sequence[str], current: str, dirs: list[str], seen: set[str], hidden: bool = False
) -> list[str]:
    """The sub-folders of ``current`` to walk: each real folder once (``seen``), and a link to a
    folder only when it leads out of every tree named (``roots``, real paths; a link into one
    would take the real folder's own path) and not to a folder holding the tree walked (``own``:
    back up, it would read everything beside it)."""
    kept = []
    for d in sorted(dirs):
        if d.startswith(".") and not hidden:
            continue
        path = os.path.join(current, d)
        real = os.path.realpath(path)
        if real in seen or (os.path.islink(path) and (_within(own, real) or any(_within(real, r) for r in roots))):
            continue
        seen.add(real)
        kept.append(d)
    return kept


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _gone_folder_link(path: str) -> bool:
    """A link whose target is gone, named as folders are (no suffix: "2024", "share"); a dangling
    "logo.png" is no page either way."""
    name = os.path.basename(path)
    return os.path.islink(path) and not os.path.exists(path) and "." not in name


def _gone_link_ref(path: str) -> InputRef:
    message = f"a link to {os.readlink(path)}, which is gone: the pages there were not read"
    return InputRef(_printable(path), path, problem=("unreadable", message))


def _unlisted_ref(error: OSError) -> InputRef:
    """A folder the walk could not list, as an input refused with why."""
    folder = error.filename if isinstance(error.filename, str) else str(error.filename)
    message = f"a folder that cannot be listed ({_os_message(error)}): the pages in it were not read"
    return InputRef(_printable(os.path.normpath(folder)), folder, problem=("unreadable", message))


def _skipped(path: str, skip: Path | None) -> bool:
    return skip is not None and _inside(path, skip)


def _file_ref(path: str) -> InputRef:
    source = _printable(path)
    try:
        info = os.stat(path)
    except OSError:
        return InputRef(source, path)  # a dangling link: read_input says why it cannot be read
    # the change time too: a copy that keeps the old size and modification time ("cp -p",
    # "rsync -a") still changes it, and no user sets it back
    signature = f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}"
    return InputRef(source, path, size=info.st_size, signature=signature)


def _printable(path: str) -> str:
    """The path as text every table can hold: bytes of a name that are not UTF-8 (Python keeps
    them as lone surrogates) are written as escapes, "bad\\xff.txt"."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _archive(path: str) -> Iterable[InputRef]:
    """The page members of an archive; unsafe or duplicate names as refusals, never extracted."""
    try:
        info = os.stat(path)
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as error:
        message = _os_message(error) if isinstance(error, OSError) else f"not a readable zip archive: {error}"
        yield InputRef(path, path, signature="archive", problem=("unreadable", message))
        return
    if len(members) > MAX_ARCHIVE_MEMBERS:
        message = f"the archive holds {len(members)} entries, over the limit of {MAX_ARCHIVE_MEMBERS}"
        yield InputRef(path, path, signature="archive", problem=("too_large", message))
        return
    base = f"{info.st_size}:{info.st_mtime_ns}"
    seen: dict[str, int] = {}
    for member in members:
        name = member.filename
        source = f"{path}{MEMBER_SEPARATOR}{name}"
        signature = f"{base}:{member.CRC}:{member.file_size}"
        unsafe = unsafe_member_reason(member)
        if unsafe is not None:
            yield InputRef(source, path, name, member.file_size, signature, ("unsafe_path", unsafe))
        elif member.is_dir() or PurePosixPath(name).name.startswith(".") or name.startswith("__MACOSX/"):
            continue  # a hidden file; a Finder's resource forks ("__MACOSX/p/._inner.zip")
        elif name.lower().endswith(ARCHIVE_SUFFIX):
            # not read (an archive in an archive could nest without end), but never dropped unsaid
            problem = ("nested_archive", "an archive inside the archive is not read: extract it and name it on its own")
            yield InputRef(source, path, name, member.file_size, signature, problem)
        elif not is_page_name(name):
            if not any(part.startswith(".") for part in PurePosixPath(name).parts):  # not ".git/config"
                yield InputRef(source, path, name, left_out=True)
        elif name in seen:
            problem = ("duplicate_member", "the archive holds another member of the same name")
            yield InputRef(f"{source}#{seen[name]}", path, name, member.file_size, signature, problem)
        else:
            yield InputRef(source, path, name, member.file_size, signature)
        seen[name] = seen.get(name, 0) + 1


def unsafe_member_reason(member: zipfile.ZipInfo) -> str | None:
    """Why a member name would escape an extraction folder (absolute, ``..``, drive, link), or None."""
    name = member.filename
    if "\x00" in name:
        return "the member name holds a NUL character"
    posix = name.replace("\\", "/")
    if posix.startswith("/") or (len(posix) > 1 and posix[1] == ":"):
        return f"the member name is an absolute path: {name!r}"
    if ".." in PurePosixPath(posix).parts:
        return f"the member name climbs out of the archive folder: {name!r}"
    if stat.S_ISLNK(member.external_attr >> 16):
        return f"the member is a symbolic link: {name!r}"
    return None


#: Open archives of this process (a worker reads many members of the same archive), each with
#: the (size, mtime, inode) it was opened at: an archive rewritten since is opened again.
_OPEN_ARCHIVES: dict[str, tuple[tuple[int, int, int], zipfile.ZipFile]] = {}


def _read_member(ref: InputRef, max_bytes: int) -> bytes:
    assert ref.member is not None
    try:
        archive = _open_archive(ref.file)
        info = archive.getinfo(ref.member)
        if info.file_size > max_bytes:
            raise PageError("too_large", f"the member is {info.file_size} bytes, over the limit of {max_bytes}")
        with archive.open(info) as handle:
            data = handle.read(max_bytes + 1)  # the header's size may lie: never inflate past the limit
    except PageError:
        raise
    except (OSError, KeyError, RuntimeError, zipfile.BadZipFile, NotImplementedError, EOFError, ValueError) as error:
        _close_archive(ref.file)
        raise PageError("unreadable", f"the archive member cannot be read: {type(error).__name__}: {error}") from error
    if len(data) > max_bytes:
        raise PageError("too_large", f"the member inflates to over the limit of {max_bytes} bytes")
    return data


def _open_archive(path: str) -> zipfile.ZipFile:
    info = os.stat(path)
    identity = (info.st_size, info.st_mtime_ns, info.st_ino)
    cached = _OPEN_ARCHIVES.get(path)
    if cached is not None and cached[0] == identity:
        return cached[1]
    _close_archive(path)
    while len(_OPEN_ARCHIVES) >= 4:
        _close_archive(next(iter(_OPEN_ARCHIVES)))
    archive = zipfile.ZipFile(path)
    _OPEN_ARCHIVES[path] = (identity, archive)
    return archive


def _close_archive(path: str) -> None:
    cached = _OPEN_ARCHIVES.pop(path, None)
    if cached is not None:
        cached[1].close()


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _inside(path: str, root: Path) -> bool:
    real = Path(os.path.realpath(path))
    return real == root or root in real.parents


def _os_message(error: OSError) -> str:
    return f"{type(error).__name__}: {error.strerror or error}"
