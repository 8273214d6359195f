namespace MultiRegion.Health.Dns;

/// <summary>A record at the managed name is not owned by this checker; nothing was changed.</summary>
public sealed class ForeignRecordException : Exception
{
    public ForeignRecordException()
    {
    }

    public ForeignRecordException(string message)
        : base(message)
    {
    }

    public ForeignRecordException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ForeignRecordException(string name, string type, string detail)
        : base($"refusing to touch {type} records at {name}: {detail}")
    {
        RecordName = name;
        RecordType = type;
    }

    public string? RecordName { get; }

    public string? RecordType { get; }
}
