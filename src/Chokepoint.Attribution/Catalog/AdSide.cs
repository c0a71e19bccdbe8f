namespace Chokepoint.Attribution.Catalog;

/// <summary>
/// Which side of the ad market a provider serves, as written in the catalog's <c>adSide</c>. Only the publisher
/// side (SSPs, ad exchanges, header-bidding partners, ad networks that pay publishers) can replace a site's ad
/// revenue; advertiser-side tools (DSPs, conversion pixels, retargeting, measurement) spend money, they do not pay it.
/// </summary>
public enum AdSide
{
    /// <summary>Not stated; never proposed as an alternative for ad revenue.</summary>
    Unknown,

    /// <summary>Sells a publisher's ad space: an SSP, an exchange, a header-bidding partner, a publisher ad network.</summary>
    Publisher,

    /// <summary>Buys ad space or measures campaigns for advertisers: a DSP, a conversion or retargeting pixel.</summary>
    Advertiser,
}
