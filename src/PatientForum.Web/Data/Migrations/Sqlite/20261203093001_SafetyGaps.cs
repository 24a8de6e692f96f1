using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SafetyGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ModeratorContentWarnings",
                table: "Posts",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NeverPublished",
                table: "Posts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Until now only posting held posts (state 5, Held), so every post held today has never been published.
            migrationBuilder.Sql("UPDATE \"Posts\" SET \"NeverPublished\" = 1 WHERE \"State\" = 5;");

            migrationBuilder.AddColumn<string>(
                name: "ContentWarnings",
                table: "Drafts",
                type: "TEXT",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN, not EF's table rebuild, which would drop the search triggers on Posts.
            migrationBuilder.Sql("ALTER TABLE \"Posts\" DROP COLUMN \"ModeratorContentWarnings\";");
            migrationBuilder.Sql("ALTER TABLE \"Posts\" DROP COLUMN \"NeverPublished\";");
            migrationBuilder.Sql("ALTER TABLE \"Drafts\" DROP COLUMN \"ContentWarnings\";");
        }
    }
}
