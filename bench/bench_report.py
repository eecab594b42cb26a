"""docs/benchmarks.md holds one `## ` section per benchmark: each benchmark
replaces its own section and leaves the others as they are."""
import os

TITLE = "# Benchmarks"


def write_section(path, section):
    """Replace the section of `path` whose `## ` heading is the first line of
    `section` (or add it at the end), keeping the file's other sections."""
    heading = section.splitlines()[0]
    if not heading.startswith("## "):
        raise ValueError("a section starts with its '## ' heading, not %r" % heading)
    blocks = []   # [heading or None for the preamble, lines]
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f.read().splitlines():
                if line.startswith("## "):
                    blocks.append([line, [line]])
                elif blocks:
                    blocks[-1][1].append(line)
                else:
                    blocks.append([None, [line]])
    if not blocks or blocks[0][0] is not None:
        blocks.insert(0, [None, [TITLE, ""]])
    new = section.rstrip("\n").splitlines() + [""]
    for block in blocks:
        if block[0] == heading:
            block[1] = new
            break
    else:
        if blocks[-1][1] and blocks[-1][1][-1] != "":
            blocks[-1][1].append("")
        blocks.append([heading, new])
    text = "\n".join(line for _heading, lines in blocks for line in lines).rstrip("\n") + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def run_lines(command, machine, image, alt):
    """The lines every section has between its method and its figures: the
    command that reproduces it, the machine, and its plot."""
    return ["Reproduce (from the repository root):", "", "```sh", command, "```", "",
            "Machine: %s" % machine, "", "![%s](%s)" % (alt, image), ""]
