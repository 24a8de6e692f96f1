using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MemberAliases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AllowAliases",
                table: "Topics",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "MemberAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    TopicId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", nullable: true),
                    AliasUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberAliases_AspNetUsers_AliasUserId",
                        column: x => x.AliasUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MemberAliases_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MemberAliases_Topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "Topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MemberAliases_AliasUserId",
                table: "MemberAliases",
                column: "AliasUserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberAliases_Number",
                table: "MemberAliases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberAliases_OwnerId_TopicId",
                table: "MemberAliases",
                columns: new[] { "OwnerId", "TopicId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberAliases_TopicId",
                table: "MemberAliases",
                column: "TopicId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MemberAliases");

            // SQLite's own DROP COLUMN, not EF's table rebuild, which would drop the triggers and keys that hang on Topics.
            migrationBuilder.Sql("ALTER TABLE \"Topics\" DROP COLUMN \"AllowAliases\";");
        }
    }
}
