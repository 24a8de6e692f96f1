using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ModeratorNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ModeratorNote",
                table: "Posts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModeratorNoteUrl",
                table: "Posts",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN, not EF's table rebuild, which would drop the search triggers on Posts.
            migrationBuilder.Sql("ALTER TABLE \"Posts\" DROP COLUMN \"ModeratorNote\";");
            migrationBuilder.Sql("ALTER TABLE \"Posts\" DROP COLUMN \"ModeratorNoteUrl\";");
        }
    }
}
