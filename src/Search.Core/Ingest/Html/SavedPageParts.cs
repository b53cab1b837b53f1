namespace Search.Core.Ingest.Html;

/// <summary>
/// Recognises the files a browser saves beside a page ("Save as… Web page, complete"): the page
/// <c>Name.html</c> and a folder <c>Name_files/</c> (Firefox in German <c>Name-Dateien/</c>, in
/// Spanish <c>Name_archivos/</c>, in French <c>Name_fichiers/</c>…) holding its frames (ad frames,
/// embedded players, comment widgets), scripts and styles. Those are parts of the page, never
/// articles of their own.
/// </summary>
public static class SavedPageParts
{
    private static readonly string[] FolderSuffixes =
        ["_files", "-Dateien", "_archivos", "_fichiers", "_arquivos", "_file", "-bestanden", "_filer", "_pliki", "_soubory", ".files"];

    private static readonly string[] PageExtensions = [".html", ".htm", ".xhtml", ".shtml", ".mht", ".mhtml"];

    /// <summary>The saved page (its path relative to the root) that <paramref name="file"/> is a part
    /// of, or null when the file sits in no such folder.</summary>
    public static string? PageOf(SourceFile file)
    {
        string[] folders = file.RelativePath.Split('/')[..^1];
        string dir = file.Root;
        for (int i = 0; i < folders.Length; i++)
        {
            string folder = folders[i];
            foreach (string suffix in FolderSuffixes)
            {
                if (folder.Length <= suffix.Length || !folder.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                    continue;
                string stem = folder[..^suffix.Length];
                foreach (string ext in PageExtensions)
                    if (File.Exists(Path.Combine(dir, stem + ext)))
                        return string.Join('/', folders[..i].Append(stem + ext));
            }
            dir = Path.Combine(dir, folder);
        }
        return null;
    }
}
