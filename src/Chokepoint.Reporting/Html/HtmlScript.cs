using System.Security.Cryptography;
using System.Text;

namespace Chokepoint.Reporting.Html;

/// <summary>
/// The one script a page may carry: a copy button beside every artifact. It is allowed by its SHA-256 hash in the
/// page's Content-Security-Policy (never <c>'unsafe-inline'</c>), so no other script can run. Without it the
/// artifact stays a selectable block. It adds the buttons itself, so a page without script shows none.
/// </summary>
/// <seealso href="https://www.w3.org/TR/CSP3/#grammardef-hash-source"/>
internal static class HtmlScript
{
    /// <summary>The script text, exactly as written between the tags. Contains no <c>&lt;</c> or <c>&amp;</c> (valid XML text).</summary>
    public const string CopyButtons = """
        document.querySelectorAll('pre.artifact').forEach(function (pre) {
          var button = document.createElement('button');
          button.type = 'button';
          button.className = 'copy';
          button.textContent = 'Copy';
          button.setAttribute('aria-label', 'Copy ' + pre.id);
          var select = function () {
            var range = document.createRange();
            range.selectNodeContents(pre);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            button.textContent = 'Selected: press Ctrl+C';
          };
          button.addEventListener('click', function () {
            if (!navigator.clipboard) { select(); return; }
            navigator.clipboard.writeText(pre.textContent).then(function () {
              button.textContent = 'Copied';
              setTimeout(function () { button.textContent = 'Copy'; }, 2000);
            }, select);
          });
          pre.parentNode.insertBefore(button, pre);
        });
        """;

    /// <summary>The CSP source that allows exactly <see cref="CopyButtons"/>: <c>'sha256-…'</c>.</summary>
    public static string HashSource { get; } = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(CopyButtons))) + "'";
}
