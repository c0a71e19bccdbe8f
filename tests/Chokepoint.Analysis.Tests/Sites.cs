using Chokepoint.Analysis.Model;
using Chokepoint.Model;
using static Chokepoint.Analysis.Model.Requirement;

namespace Chokepoint.Analysis.Tests;

/// <summary>Hand-built suppliers and models with known cut sets.</summary>
internal static class Sites
{
    public static readonly Supplier Verisign = new("verisign", "VeriSign", "registry", Layer.Registration, "com");
    public static readonly Supplier GoDaddyRegistrar = new("godaddy", "GoDaddy", "registrar", Layer.Registration, "GoDaddy.com, LLC");
    public static readonly Supplier CloudflareDns = new("cloudflare", "Cloudflare", "dns", Layer.Dns, "ns1.example-dns.net");
    public static readonly Supplier CloudflareCdn = new("cloudflare", "Cloudflare", "cdn", Layer.Cdn, "104.16.0.1");
    public static readonly Supplier CloudflareRegistrar = new("cloudflare", "Cloudflare", "registrar", Layer.Registration, "Cloudflare, Inc.");
    public static readonly Supplier Route53 = new("amazon", "Amazon", "dns", Layer.Dns, "ns-1.awsdns-01.org");
    public static readonly Supplier AwsHosting = new("amazon", "Amazon", "hosting", Layer.Hosting, "AS16509");
    public static readonly Supplier LetsEncrypt = new("isrg", "Internet Security Research Group", "ca", Layer.Tls, "R11");
    public static readonly Supplier GoogleTrust = new("alphabet", "Alphabet", "ca", Layer.Tls, "WR1");
    public static readonly Supplier GoogleMail = new("alphabet", "Alphabet", "mail", Layer.Mail, "aspmx.l.google.com");
    public static readonly Supplier GoogleAds = new("alphabet", "Alphabet", "ads", Layer.Money, "pagead2.googlesyndication.com");
    public static readonly Supplier Fastly = new("fastly", "Fastly", "cdn", Layer.Cdn, "example.map.fastly.net");
    public static readonly Supplier Dyn = new("oracle", "Oracle", "dns", Layer.Dns, "ns1.p01.dynect.net");
    public static readonly Supplier PayPal = new("paypal", "PayPal", "payments", Layer.Money, "www.paypal.com");
    public static readonly Supplier Stripe = new("stripe", "Stripe", "payments", Layer.Money, "js.stripe.com");
    public static readonly Supplier YouTube = new("alphabet", "Alphabet", "video", Layer.Page, "www.youtube.com");
    public static readonly Supplier Jsdelivr = new("jsdelivr", "jsDelivr", "script-cdn", Layer.Page, "cdn.jsdelivr.net");

    public static SiteFunction Function(string id, Importance importance, Requirement requirement, FunctionKind kind = FunctionKind.Reachability) =>
        new(id, id, kind, importance, requirement);

    /// <summary>
    /// A typical site: GoDaddy registrar, Cloudflare DNS + CDN in front of AWS, Let's Encrypt, Google mail and ads.
    /// Cloudflare alone breaks name-resolves, web-served, https-trusted; amazon breaks web-served;
    /// godaddy/verisign break name-resolves through registration only.
    /// </summary>
    public static SiteModel Typical()
    {
        var name = All(Needs(Verisign), Needs(GoDaddyRegistrar), Needs(CloudflareDns));
        var web = All(name, Needs(CloudflareCdn), Needs(AwsHosting));
        return new SiteModel("example.org",
        [
            Function("name-resolves", Importance.Critical, name),
            Function("web-served", Importance.Critical, web),
            Function("https-trusted", Importance.Critical, All(Needs(CloudflareCdn), Needs(LetsEncrypt)), FunctionKind.Trust),
            Function("mail-received", Importance.High, All(name, Needs(GoogleMail)), FunctionKind.Mail),
            Function("revenue:ads", Importance.Medium, Needs(GoogleAds), FunctionKind.Revenue),
            Function("revenue:payments", Importance.High, Any(Needs(PayPal), Needs(Stripe)), FunctionKind.Revenue),
            Function("embedded-media", Importance.Low, Optional(Needs(YouTube)), FunctionKind.Content),
        ]);
    }
}
