using Chokepoint.Planning.Mail;
using Chokepoint.Planning.Zones;

namespace Chokepoint.Planning.Tests.Mail;

public sealed class MxRecordSetTests
{
    [Fact]
    public void Backup_goes_above_the_highest_preference()
    {
        var set = MxRecordSet.WithBackup([new MxEntry(1, "aspmx.l.google.com"), new MxEntry(5, "alt1.aspmx.l.google.com")], "mx.backup-mail.example");

        Assert.Equal(
            [new MxEntry(1, "aspmx.l.google.com."), new MxEntry(5, "alt1.aspmx.l.google.com."), new MxEntry(15, "mx.backup-mail.example.")],
            set.Entries);
        Assert.Equal(ZoneRecord.Mx("example.org", 300, 15, "mx.backup-mail.example"), set.ToZoneRecords("example.org", 300)[2]);
    }

    [Fact]
    public void Backup_already_present_is_not_added_twice()
    {
        var set = MxRecordSet.WithBackup([new MxEntry(10, "mx1.example."), new MxEntry(20, "MX.backup.example")], "mx.backup.example.");

        Assert.Equal(2, set.Entries.Count);
    }

    [Fact]
    public void Backup_alone_when_nothing_is_known()
    {
        var set = MxRecordSet.WithBackup([], "mx.backup.example");

        Assert.Equal(new MxEntry(10, "mx.backup.example."), Assert.Single(set.Entries));
    }
}
