using System.Globalization;
using MultiRegion.Tests;

namespace MultiRegion.Infra.Tests.Orchestration;

/// <summary>
/// A fake <c>pulumi</c>: a bash script in a temp folder. Every invocation appends one tab-separated line to
/// <c>invocations.log</c> (verb, stack, start and end from <c>$EPOCHREALTIME</c>, i.e. <c>date +%s.%N</c>, result, working directory, args).
/// Behaviour is set by files in the folder, so parallel tests never share state: <c>sleep</c> / <c>sleep.STACK</c>
/// (seconds), <c>fail.VERB.STACK</c>, <c>not-logged-in</c>, <c>select-fails</c>, and <c>rendezvous.STACK</c> (the
/// stack waits, up to 5 s, until every stack listed there has started: proof of real concurrency).
/// </summary>
internal sealed class FakePulumi : IDisposable
{
    // Builtins only (EPOCHREALTIME, read, redirections) except sleep: the suite forks hundreds of these on a busy
    // machine. EPOCHREALTIME is bash 5's `date +%s.%N` without the fork.
    private const string Script = """
        #!/usr/bin/env bash
        export LC_ALL=C
        dir='@DIR@'
        verb="$1"
        allargs="$*"
        [ "$1" = "stack" ] && verb="stack-$2"
        stack=""
        prev=""
        for a in "$@"; do
          [ "$prev" = "--stack" ] && stack="$a"
          prev="$a"
        done
        start=${EPOCHREALTIME:-$(date +%s.%N)}
        record() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$verb" "$stack" "$start" "${EPOCHREALTIME:-$(date +%s.%N)}" "$1" "$PWD" "$allargs" >> "$dir/invocations.log"; }
        case "$verb" in
          whoami)
            if [ -f "$dir/not-logged-in" ]; then
              echo "error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions" >&2
              record failed; exit 255
            fi
            echo "tester"; record ok; exit 0 ;;
          stack-select)
            if [ -f "$dir/select-fails" ]; then
              echo "error: no stack named '$stack' found" >&2; record failed; exit 255
            fi
            record ok; exit 0 ;;
          stack-init)
            echo "Created stack '$stack'"; record ok; exit 0 ;;
        esac
        trap 'kill $! 2>/dev/null; record cancelled; exit 130' INT TERM
        : > "$dir/started.$stack"
        if [ -f "$dir/rendezvous.$stack" ]; then
          read -r -a others < "$dir/rendezvous.$stack"
          for other in "${others[@]}"; do
            n=0
            while [ ! -f "$dir/started.$other" ]; do
              n=$((n+1)); [ $n -gt 500 ] && { echo "error: $other never started while $stack ran" >&2; record failed; exit 3; }
              sleep 0.01 & wait $!
            done
          done
        fi
        d=0
        [ -f "$dir/sleep" ] && read -r d < "$dir/sleep"
        [ -f "$dir/sleep.$stack" ] && read -r d < "$dir/sleep.$stack"
        echo "Updating ($stack):"
        echo "diagnostic for $stack" >&2
        [ "$d" != "0" ] && { sleep "$d" & wait $!; }
        if [ -f "$dir/fail.$verb.$stack" ]; then
          echo "error: $verb of $stack failed on purpose" >&2
          record failed; exit 255
        fi
        echo "Resources:"
        echo "    + 3 created"
        echo "    2 unchanged"
        echo ""
        echo "Duration: 1s"
        record ok
        exit 0
        """;

    public FakePulumi()
    {
        Requires.Executable("bash");
        Directory = System.IO.Directory.CreateTempSubdirectory("fake-pulumi-").FullName;
        Executable = Path.Combine(Directory, "pulumi");
        File.WriteAllText(Executable, Script.Replace("@DIR@", Directory, StringComparison.Ordinal).ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Directory { get; }

    public string Executable { get; }

    public FakePulumi Sleep(double seconds, string? stack = null) => Touch(stack is null ? "sleep" : $"sleep.{stack}", seconds.ToString(CultureInfo.InvariantCulture));

    public FakePulumi Fail(string verb, string stack) => Touch($"fail.{verb}.{stack}");

    public FakePulumi Heal(string verb, string stack)
    {
        File.Delete(Path.Combine(Directory, $"fail.{verb}.{stack}"));
        return this;
    }

    public FakePulumi NotLoggedIn() => Touch("not-logged-in");

    public FakePulumi SelectFails() => Touch("select-fails");

    public FakePulumi Rendezvous(string stack, params string[] others) => Touch($"rendezvous.{stack}", string.Join(' ', others));

    public IReadOnlyList<Invocation> Invocations()
    {
        var log = Path.Combine(Directory, "invocations.log");
        return File.Exists(log) ? File.ReadAllLines(log).Select(Invocation.Parse).ToArray() : [];
    }

    /// <summary>The invocations of the deployment verbs (not whoami or stack select/init).</summary>
    public IReadOnlyList<Invocation> Operations() => Invocations().Where(i => i.Verb is "up" or "preview" or "refresh" or "destroy").OrderBy(i => i.Start).ToArray();

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A cancelled fake's orphaned sleep may still hold the folder for a moment; it is in /tmp.
        }
    }

    private FakePulumi Touch(string name, string content = "")
    {
        File.WriteAllText(Path.Combine(Directory, name), content);
        return this;
    }

    internal sealed record Invocation(string Verb, string Stack, double Start, double End, string Result, string WorkingDirectory, string Arguments)
    {
        public static Invocation Parse(string line)
        {
            var f = line.Split('\t');
            return new Invocation(f[0], f[1], double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture), f[4], f[5], f[6]);
        }

        public bool Overlaps(Invocation other) => Start < other.End && other.Start < End;
    }

    /// <summary>The most invocations that were running at the same instant.</summary>
    public static int MaxConcurrent(IEnumerable<Invocation> invocations)
    {
        var edges = invocations.SelectMany(i => new[] { (Time: i.Start, Delta: 1), (Time: i.End, Delta: -1) }).OrderBy(e => e.Time).ThenBy(e => e.Delta);
        int current = 0, max = 0;
        foreach (var (_, delta) in edges)
        {
            current += delta;
            max = Math.Max(max, current);
        }

        return max;
    }
}
