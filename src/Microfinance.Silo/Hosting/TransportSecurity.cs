using System.Security.Cryptography.X509Certificates;

namespace Microfinance.Silo.Hosting;

/// <summary>The certificate the gRPC endpoint serves TLS with, from <see cref="PlatformOptions"/>.</summary>
public static class TransportSecurity
{
    /// <summary>The configured certificate, or null when none is.</summary>
    /// <exception cref="InvalidOperationException">Only one of the two paths is set.</exception>
    public static X509Certificate2? Certificate(PlatformOptions options)
    {
        var (certificate, key) = (options.TlsCertificatePath, options.TlsKeyPath);
        if (string.IsNullOrWhiteSpace(certificate) && string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(certificate) || string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException("Microfinance:TlsCertificatePath and :TlsKeyPath are set together or not at all.");
        }

        return X509Certificate2.CreateFromPemFile(certificate, key);
    }
}
