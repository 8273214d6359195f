using System.Globalization;
using System.Security;
using System.Text;

namespace MultiRegion.Infra.Drills;

/// <summary>
/// The drill's timeline as a hand-written SVG: one health lane per region (green healthy, amber degraded, red
/// offline), one lane for the polled DNS answer (coloured by the region it names), vertical markers for failure
/// injected, detected, DNS changed, restored and DNS back, and a time axis relative to the injection.
/// </summary>
public static class DrillTimelineSvg
{
    private const double Width = 960;
    private const double Left = 160;
    private const double Right = 24;
    private const double Top = 78;
    private const double Lane = 26;
    private const double Gap = 10;
    private static readonly string[] Palette = ["#3b6fd1", "#8e44ad", "#16a085", "#d35400", "#2c3e50", "#c0392b", "#7f8c8d", "#27ae60"];

    public static string Render(DrillResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var regions = result.Targets.Select(t => t.Region).ToList();
        var t0 = result.WindowStart;
        var t1 = result.WindowEnd > t0 ? result.WindowEnd : t0 + TimeSpan.FromMilliseconds(1);
        var span = (t1 - t0).TotalMilliseconds;
        double X(DateTimeOffset at) => Left + (Math.Clamp((at - t0).TotalMilliseconds, 0, span) / span * (Width - Left - Right));
        var dnsLaneY = Top + (regions.Count * (Lane + Gap)) + Gap;
        var axisY = dnsLaneY + Lane + 18;
        var height = axisY + 70;

        var svg = new StringBuilder();
        void Add(string text) => svg.Append(text).Append('\n');
        string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

        Add($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(Width)}\" height=\"{F(height)}\" viewBox=\"0 0 {F(Width)} {F(height)}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">");
        Add($"<rect x=\"0\" y=\"0\" width=\"{F(Width)}\" height=\"{F(height)}\" fill=\"#ffffff\"/>");
        Add($"<text x=\"12\" y=\"22\" font-size=\"15\" font-weight=\"bold\">{E($"Failover drill: {result.Region} — {(result.Success ? "passed" : "FAILED")}")}</text>");
        Add($"<text x=\"12\" y=\"40\" fill=\"#555\">{E($"failover {DrillResult.Ms(result.Failover)} (bound {DrillResult.Ms(result.Bound)}), detection {DrillResult.Ms(result.Detection)}, fail-back {DrillResult.Ms(result.Failback)}")}</text>");

        // Health lanes.
        for (var i = 0; i < regions.Count; i++)
        {
            var y = Top + (i * (Lane + Gap));
            Add($"<text x=\"12\" y=\"{F(y + 17)}\">{E(regions[i])}</text>");
            var states = result.RegionStates.Where(s => s.Region == regions[i]).OrderBy(s => s.At).ToList();
            for (var s = 0; s < states.Count; s++)
            {
                var from = X(states[s].At);
                var to = s + 1 < states.Count ? X(states[s + 1].At) : X(t1);
                if (to - from < 0.01)
                {
                    continue;
                }

                Add($"<rect x=\"{F(from)}\" y=\"{F(y)}\" width=\"{F(to - from)}\" height=\"{F(Lane)}\" fill=\"{HealthColour(states[s].Health)}\"><title>{E($"{regions[i]}: {states[s].Health} from {Offset(result, states[s].At)} ({states[s].Reason})")}</title></rect>");
            }
        }

        // DNS answer lane.
        Add($"<text x=\"12\" y=\"{F(dnsLaneY + 17)}\" font-weight=\"bold\">DNS answer</text>");
        var samples = result.DnsSamples.ToList();
        for (var s = 0; s < samples.Count; s++)
        {
            var from = s == 0 ? X(t0) : X(samples[s].At);
            var to = s + 1 < samples.Count ? X(samples[s + 1].At) : X(t1);
            if (to - from < 0.01)
            {
                continue;
            }

            var named = samples[s].Answer.Regions(result.Targets);
            var colour = samples[s].Answer.IsError ? "#999999" : named.Count == 1 ? Palette[regions.IndexOf(named[0]) % Palette.Length] : "#555555";
            var label = samples[s].Answer.IsError ? "no answer" : named.Count > 0 ? string.Join(", ", named) : string.Join(", ", samples[s].Answer.Values);
            Add($"<rect x=\"{F(from)}\" y=\"{F(dnsLaneY)}\" width=\"{F(to - from)}\" height=\"{F(Lane)}\" fill=\"{colour}\"><title>{E($"{samples[s].Answer.Describe(result.Targets)} from {Offset(result, samples[s].At)}")}</title></rect>");
            if (to - from > label.Length * 6.5)
            {
                Add($"<text x=\"{F(from + 5)}\" y=\"{F(dnsLaneY + 17)}\" fill=\"#ffffff\">{E(label)}</text>");
            }
        }

        // Axis.
        Add($"<line x1=\"{F(Left)}\" y1=\"{F(axisY)}\" x2=\"{F(Width - Right)}\" y2=\"{F(axisY)}\" stroke=\"#333\"/>");
        var step = TickStep(span);
        var first = Math.Ceiling((t0 - result.Started).TotalMilliseconds / step) * step;
        for (var ms = first; result.Started + TimeSpan.FromMilliseconds(ms) <= t1; ms += step)
        {
            var x = X(result.Started + TimeSpan.FromMilliseconds(ms));
            Add($"<line x1=\"{F(x)}\" y1=\"{F(axisY)}\" x2=\"{F(x)}\" y2=\"{F(axisY + 5)}\" stroke=\"#333\"/>");
            Add($"<text x=\"{F(x)}\" y=\"{F(axisY + 18)}\" text-anchor=\"middle\" fill=\"#333\">{E((ms / 1000).ToString("+0.###;-0.###;0", CultureInfo.InvariantCulture) + " s")}</text>");
        }

        Add($"<text x=\"{F(Left)}\" y=\"{F(axisY + 36)}\" fill=\"#555\">time relative to the failure injection</text>");

        // Markers.
        var markers = new List<(DateTimeOffset? At, string Label, string Colour)>
        {
            (result.Started, "failure injected", "#d64541"),
            (result.Detected, "detected", "#e67e22"),
            (result.DnsChanged, "DNS changed", "#2c3e50"),
            (result.Restored, "restored", "#2e9d4f"),
            (result.FailbackDns, "DNS back", "#16a085"),
        };
        var row = 0;
        foreach (var (at, label, colour) in markers.Where(m => m.At is not null).OrderBy(m => m.At))
        {
            var x = X(at!.Value);
            var labelY = 54 + ((row++ % 2) * 14);
            Add($"<line x1=\"{F(x)}\" y1=\"{F(labelY + 3)}\" x2=\"{F(x)}\" y2=\"{F(axisY)}\" stroke=\"{colour}\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>");
            Add($"<text x=\"{F(x + 3)}\" y=\"{F(labelY)}\" fill=\"{colour}\">{E($"{label} {Offset(result, at.Value)}")}</text>");
        }

        // Legend.
        var legendY = axisY + 52;
        var legendX = Left;
        foreach (var (name, colour) in new[] { ("healthy", HealthColour("Healthy")), ("degraded", HealthColour("Degraded")), ("offline", HealthColour("Offline")) })
        {
            Add($"<rect x=\"{F(legendX)}\" y=\"{F(legendY - 10)}\" width=\"12\" height=\"12\" fill=\"{colour}\"/>");
            Add($"<text x=\"{F(legendX + 16)}\" y=\"{F(legendY)}\">{name}</text>");
            legendX += 90;
        }

        Add("</svg>");
        return svg.ToString();
    }

    private static string Offset(DrillResult result, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{(at - result.Started).TotalMilliseconds:+0;-0;0} ms");

    private static string HealthColour(string health) => health switch
    {
        "Healthy" => "#2e9d4f",
        "Degraded" => "#e0a800",
        "Offline" => "#d64541",
        _ => "#bbbbbb",
    };

    private static double TickStep(double spanMs)
    {
        foreach (var step in new double[] { 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 30000, 60000 })
        {
            if (spanMs / step <= 12)
            {
                return step;
            }
        }

        return 120000;
    }

    private static string E(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
