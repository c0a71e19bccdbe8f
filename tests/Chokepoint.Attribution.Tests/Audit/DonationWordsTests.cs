using Chokepoint.Attribution.Audit;

namespace Chokepoint.Attribution.Tests.Audit;

public sealed class DonationWordsTests
{
    [Theory]
    [InlineData("Donate", "https://www.paypal.com/donate/?hosted_button_id=X", null)]
    [InlineData("Support us", "https://www.paypal.com/donate?x=1", null)]
    [InlineData("Jetzt spenden", "https://www.paypal.com/x", null)]
    [InlineData("Faire un don", "https://www.paypal.com/x", null)]
    [InlineData("PayPal", "https://www.paypal.com/x", "https://site.example/donate")]
    public void Donation_links_are_recognised(string text, string url, string? foundOn) =>
        Assert.True(DonationWords.IsDonation(text, url, foundOn));

    [Theory]
    [InlineData("Buy now", "https://www.paypal.com/checkoutnow", "https://shop.example/cart")]
    [InlineData("Donald's shop", "https://www.paypal.com/x", null)]
    [InlineData(null, "https://www.paypal.com/webapps/dontask", null)]
    public void Purchases_are_not_donations(string? text, string url, string? foundOn) =>
        Assert.False(DonationWords.IsDonation(text, url, foundOn));
}
